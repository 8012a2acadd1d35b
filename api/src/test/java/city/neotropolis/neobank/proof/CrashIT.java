package city.neotropolis.neobank.proof;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.support.Postgres;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Proof under fire: the real service is SIGKILLed several times while clients send money with
 * idempotency keys, and restarted on the same data. Short form by default (CI); the long form is
 * {@code bench/crash.sh} (see bench/README-crash.md). {@code -Dcrash.db=sqlite|postgres} picks one database.
 */
@DisplayName("Crash and retry: kill -9 mid-traffic, retry unknowns with the same key, the books still add up")
class CrashIT {

    static boolean sqliteSelected() {
        return selected("sqlite");
    }

    static boolean postgresSelected() {
        return selected("postgres") && Postgres.available();
    }

    private static boolean selected(String db) {
        String chosen = System.getProperty("crash.db", "sqlite,postgres").toLowerCase(Locale.ROOT);
        return Arrays.asList(chosen.split(",")).contains(db);
    }

    static void prove(CrashRun.Db db) throws Exception {
        CrashRun.Settings settings = CrashRun.Settings.fromSystemProperties();
        CrashRun.Summary s = CrashRun.run(db, settings);
        System.out.println(s.line());
        s.refusals().forEach((why, n) -> System.out.println("  refused " + n + "x: " + why));
        s.violations().stream().limit(20).forEach(v -> System.out.println("  violation: " + v));
        assertThat(s.violations()).as(s.line() + "\nrun dir: " + s.runDir()).isEmpty();
        assertThat(s.kills()).as("kills").isGreaterThanOrEqualTo(settings.kills());
        assertThat(s.unknownResolved())
                .as("the kills cut requests off mid-flight, and their retries settled them")
                .isGreaterThan(0);
        assertThat(s.acked() + s.refused())
                .as("every operation got a definite answer")
                .isEqualTo(settings.ops());
        assertThat(s.acked()).as("most operations go through").isGreaterThan(settings.ops() / 2);
        assertThat(s.verify()).isEqualTo("ok");
        assertThat(s.ackedByKind())
                .as("mixed work: transfers, spins, terminal charges and GM grants all went through")
                .containsKeys("transfer", "spin", "charge", "grant");
    }

    @Nested
    @EnabledIf(
            value = "city.neotropolis.neobank.proof.CrashIT#sqliteSelected",
            disabledReason = "-Dcrash.db does not name sqlite")
    @DisplayName("on SQLite")
    class OnSqlite {
        @Test
        @DisplayName("every acknowledged transfer is journalled once, balances match, the books verify")
        void survivesKills() throws Exception {
            prove(CrashRun.Db.SQLITE);
        }
    }

    @Nested
    @EnabledIf(
            value = "city.neotropolis.neobank.proof.CrashIT#postgresSelected",
            disabledReason = "-Dcrash.db does not name postgres, or " + Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres {
        @Test
        @DisplayName("every acknowledged transfer is journalled once, balances match, the books verify")
        void survivesKills() throws Exception {
            prove(CrashRun.Db.POSTGRES);
        }
    }
}
