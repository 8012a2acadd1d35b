package city.neotropolis.neobank.web;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;

/** The same races on PostgreSQL, where concurrent transactions really meet at the unique key. */
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("A request that breaks a schema rule is a 4xx (PostgreSQL)")
class ConstraintAnswersPostgresTest extends ConstraintAnswersTest {
    @Override
    DropwizardAppExtension<NeoBankConfiguration> newApp() {
        return TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));
    }

    @Override
    @AfterAll
    void stop() {
        TestApp.stopAndDrop(app);
    }

    @Override
    void expandingNameAnswer(Api.Res r) {
        assertThat(r.status()).as("the key column is VARCHAR(64): " + r.body()).isEqualTo(400);
    }
}
