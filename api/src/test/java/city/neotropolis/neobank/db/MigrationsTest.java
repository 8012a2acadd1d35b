package city.neotropolis.neobank.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.ChangeLogParseException;
import liquibase.parser.core.xml.XMLChangeLogSAXParser;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The service starts Liquibase without checking the changelogs against Liquibase's XSD (it cost a
 * first start about a third of its migration time): the check is done here, at build time.
 */
@DisplayName("The migrations")
class MigrationsTest {
    private static DatabaseChangeLog parse(String file) throws Exception {
        ResourceAccessor classpath = new ClassLoaderResourceAccessor(MigrationsTest.class.getClassLoader());
        return Scope.child(
                Map.of("liquibase.validateXmlChangelogFiles", true, Scope.Attr.resourceAccessor.name(), classpath),
                () -> new XMLChangeLogSAXParser().parse(file, new ChangeLogParameters(), classpath));
    }

    @Test
    @DisplayName("are valid against Liquibase's XSD, every included file")
    void validAgainstXsd() throws Exception {
        DatabaseChangeLog log = parse("migrations.xml");
        assertThat(log.getChangeSets()).hasSizeGreaterThan(10);
    }

    @Test
    @DisplayName("the check refuses what the XSD does not allow")
    void checkerWorks() {
        assertThatThrownBy(() -> parse("migrations-invalid-for-test.xml")).isInstanceOf(ChangeLogParseException.class);
    }
}
