package city.neotropolis.neobank.external;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The chip (NFC tag) scenarios, the same on every database; subclasses say which one (ChipScenarios). */
abstract class ChipChecks {
    /** The terminals' view of the service under test, made once per class. */
    abstract Terminals terminals();

    @Test
    @DisplayName("limits per charge and per day; above them the player's PIN, below them none")
    void limitsAndPin() {
        ChipScenarios.limitsAndPin(terminals());
    }

    @Test
    @DisplayName("a player without a PIN is never charged above a chip's limits")
    void noPinNoOverLimit() {
        ChipScenarios.noPinNoOverLimit(terminals());
    }

    @Test
    @DisplayName("retries with one Idempotency-Key move once")
    void idempotentRetries() throws Exception {
        ChipScenarios.idempotentRetries(terminals());
    }

    @Test
    @DisplayName("10 taps at once never pass the day's limit")
    void dayLimitUnderConcurrency() throws Exception {
        ChipScenarios.dayLimitUnderConcurrency(terminals());
    }

    @Test
    @DisplayName("a blocked chip is refused at once; players see and block only their own")
    void blockAndAuthz() {
        ChipScenarios.blockAndAuthz(terminals());
    }

    @Test
    @DisplayName("balance:read keys neither charge nor enrol; an enrol desk needs the player's PIN")
    void scopesAndEnrol() {
        ChipScenarios.scopesAndEnrol(terminals());
    }

    @Test
    @DisplayName("bad input is a 4xx JSON error and moves nothing")
    void badInput() {
        ChipScenarios.badInput(terminals());
    }
}
