package city.neotropolis.neobank.health;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.Scrape;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/** The same figures on PostgreSQL, where each unit commits in its own pooled transaction. */
@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Watching the bank run on PostgreSQL")
class ObservabilityPostgresTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));

    @Test
    @DisplayName("counts committed movements once, refusals by reason, replays, commits, and the money supply")
    void figures() {
        Api api = TestApp.api(APP);
        Api.Session a = api.player("pgObsA");
        Api.Session b = api.player("pgObsB");
        Scrape before = Scrape.of(APP.getAdminPort());
        String body = "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":1.25}";
        assertThat(api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "pg-obs-1")
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "pg-obs-1")
                        .header("Idempotent-Replayed"))
                .isEqualTo("true");
        assertThat(api.post(
                                "/api/v1/transactions",
                                a.token(),
                                "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":999999}")
                        .status())
                .isEqualTo(400);
        Scrape after = Scrape.of(APP.getAdminPort());

        assertThat(after.since(before, "neobank_movements_total", "type", "transfer"))
                .isEqualTo(1.0);
        assertThat(after.since(before, "neobank_moved_credits_total", "type", "transfer"))
                .isEqualTo(1.25);
        assertThat(after.since(before, "neobank_idempotent_replays_total")).isEqualTo(1.0);
        assertThat(after.since(before, "neobank_refusals_total", "reason", "insufficient_funds"))
                .isEqualTo(1.0);
        assertThat(after.value("neobank_writer_commit_batch_size_count"))
                .isGreaterThan(before.value("neobank_writer_commit_batch_size_count"));
        assertThat(after.value("neobank_money_supply_credits")).isPositive();
        assertThat(after.has("neobank_writer_queue_depth")).isTrue();
        // Backups on PostgreSQL are pg_dump's job: no local backup age to report.
        assertThat(after.has("neobank_backup_age_seconds")).isFalse();
    }
}
