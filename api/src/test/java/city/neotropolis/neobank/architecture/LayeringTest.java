package city.neotropolis.neobank.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The service reads like the ledger: dependencies point one way, from the application down through
 * the features to the accounts, the ledger and the database, with money and time at the bottom.
 * The same rules run against a fixture package with a deliberate cycle and a wrong-way dependency,
 * to show they would catch the drift coming back.
 */
@DisplayName("The package layering")
class LayeringTest {
    static final String ROOT = "city.neotropolis.neobank";
    static final String FIXTURE = "city.neotropolis.layeringfixture";
    static final List<String> FEATURES = List.of(
            "transfers",
            "admin",
            "casino",
            "external",
            "backup",
            "health",
            "webapp",
            "reversals",
            "stipends",
            "leaderboards");

    static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    /** No two packages under {@code root} depend on each other, directly or round about. */
    static ArchRule noCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Each layer uses only the layers below it. */
    static ArchRule layers(String root) {
        return layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Application")
                .definedBy(root)
                .layer("Features")
                .definedBy(FEATURES.stream().map(f -> root + "." + f + "..").toArray(String[]::new))
                .layer("Accounts")
                .definedBy(root + ".accounts..")
                .layer("Auth")
                .definedBy(root + ".auth..")
                .layer("Ledger")
                .definedBy(root + ".ledger..")
                .layer("Audit")
                .definedBy(root + ".audit..")
                .layer("Web")
                .definedBy(root + ".web..")
                .layer("Db")
                .definedBy(root + ".db..")
                .layer("Values")
                .definedBy(root + ".money..", root + ".time..")
                .whereLayer("Application")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Features")
                .mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Accounts")
                .mayOnlyBeAccessedByLayers("Features", "Application")
                .whereLayer("Auth")
                .mayOnlyBeAccessedByLayers("Accounts", "Features", "Application")
                .whereLayer("Ledger")
                .mayOnlyBeAccessedByLayers("Accounts", "Features", "Application")
                .whereLayer("Audit")
                .mayOnlyBeAccessedByLayers("Features", "Application")
                .whereLayer("Web")
                .mayOnlyBeAccessedByLayers("Ledger", "Auth", "Accounts", "Features", "Application")
                .whereLayer("Db")
                .mayOnlyBeAccessedByLayers("Audit", "Web", "Ledger", "Auth", "Accounts", "Features", "Application");
    }

    @Nested
    @DisplayName("in the service")
    class Service {
        @Test
        @DisplayName("has no package cycles")
        void noPackageCycles() {
            noCycles(ROOT).check(SERVICE);
        }

        @Test
        @DisplayName("points one way: application, features, accounts, auth and ledger, audit, web, db, values")
        void oneWay() {
            layers(ROOT).check(SERVICE);
        }

        @Test
        @DisplayName("keeps features apart: one feature never reaches into another")
        void featuresApart() {
            for (String feature : FEATURES) {
                noClasses()
                        .that()
                        .resideInAPackage(ROOT + "." + feature + "..")
                        .should()
                        .dependOnClassesThat()
                        .resideInAnyPackage(FEATURES.stream()
                                .filter(f -> !f.equals(feature))
                                .map(f -> ROOT + "." + f + "..")
                                .toArray(String[]::new))
                        .check(SERVICE);
            }
        }

        @Test
        @DisplayName("keeps the database layer free of HTTP")
        void dbKnowsNoHttp() {
            noClasses()
                    .that()
                    .resideInAPackage(ROOT + ".db..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(
                            "jakarta.ws.rs..",
                            "jakarta.servlet..",
                            "org.eclipse.jetty..",
                            "org.glassfish.jersey..",
                            "io.dropwizard.jersey..",
                            ROOT + ".web..")
                    .check(SERVICE);
        }

        @Test
        @DisplayName("keeps money and time, and the audit log, as leaves")
        void leaves() {
            classes()
                    .that()
                    .resideInAnyPackage(ROOT + ".money..", ROOT + ".time..")
                    .should()
                    .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                            .or(resideInAnyPackage(ROOT + ".money..", ROOT + ".time..")))
                    .check(SERVICE);
            classes()
                    .that()
                    .resideInAPackage(ROOT + ".audit..")
                    .should()
                    .onlyDependOnClassesThat(resideOutsideOfPackage(ROOT + "..")
                            .or(resideInAnyPackage(ROOT + ".audit..", ROOT + ".db..", ROOT + ".time..")))
                    .check(SERVICE);
        }
    }

    @Nested
    @DisplayName("against a fixture with the drift put back")
    class Fixture {
        @Test
        @DisplayName("reports the deliberate cycle between its ledger and accounts")
        void cycleIsReported() {
            EvaluationResult result = noCycles(FIXTURE).evaluate(FIXTURE_CLASSES);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().toString())
                    .contains("Cycle detected")
                    .contains("accounts")
                    .contains("ledger");
        }

        @Test
        @DisplayName("reports its database layer reaching up to the web layer")
        void wrongWayIsReported() {
            EvaluationResult result = layers(FIXTURE).evaluate(FIXTURE_CLASSES);
            assertThat(result.hasViolation()).isTrue();
            assertThat(result.getFailureReport().toString()).contains("Store").contains("Refusal");
        }
    }
}
