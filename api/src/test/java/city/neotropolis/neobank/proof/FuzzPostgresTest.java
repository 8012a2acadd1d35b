package city.neotropolis.neobank.proof;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;

/** The same hostile corpus on PostgreSQL, where a broken schema rule used to be a 500. */
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Fuzzing every route with hostile input (PostgreSQL)")
class FuzzPostgresTest extends FuzzTest {
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
