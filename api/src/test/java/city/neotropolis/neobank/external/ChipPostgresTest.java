package city.neotropolis.neobank.external;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Chips (NFC tags) on PostgreSQL")
class ChipPostgresTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres();

    static Terminals t;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
    }

    @Test
    @DisplayName("limits per charge and per day; above them the player's PIN, below them none")
    void limitsAndPin() {
        ChipScenarios.limitsAndPin(t);
    }

    @Test
    @DisplayName("a player without a PIN is never charged above a chip's limits")
    void noPinNoOverLimit() {
        ChipScenarios.noPinNoOverLimit(t);
    }

    @Test
    @DisplayName("retries with one Idempotency-Key move once")
    void idempotentRetries() throws Exception {
        ChipScenarios.idempotentRetries(t);
    }

    @Test
    @DisplayName("10 taps at once never pass the day's limit")
    void dayLimitUnderConcurrency() throws Exception {
        ChipScenarios.dayLimitUnderConcurrency(t);
    }

    @Test
    @DisplayName("a blocked chip is refused at once; players see and block only their own")
    void blockAndAuthz() {
        ChipScenarios.blockAndAuthz(t);
    }

    @Test
    @DisplayName("balance:read keys neither charge nor enrol; an enrol desk needs the player's PIN")
    void scopesAndEnrol() {
        ChipScenarios.scopesAndEnrol(t);
    }

    @Test
    @DisplayName("bad input is a 4xx JSON error and moves nothing")
    void badInput() {
        ChipScenarios.badInput(t);
    }
}
