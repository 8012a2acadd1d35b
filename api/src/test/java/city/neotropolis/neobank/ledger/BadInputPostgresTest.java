package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;

/** The whole bad-input table again on PostgreSQL: the same 4xx answers, and nothing changes. */
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Bad input is refused with a clear 4xx JSON error and changes nothing (PostgreSQL)")
class BadInputPostgresTest extends BadInputTest {
    @Override
    DropwizardAppExtension<NeoBankConfiguration> newApp() {
        return TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));
    }

    @Override
    @AfterAll
    void stop() {
        TestApp.stopAndDrop(app);
    }
}
