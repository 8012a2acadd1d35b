package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The dashboard's time series on SQLite")
class EconomySeriesTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

    @Test
    @DisplayName(
            "transfers, spins, money supply and active players per bucket; the same answer before and after the rollup")
    void counts() {
        new SeriesScenario(APP).countsMoneyAndPlayers();
    }

    @Test
    @DisplayName("a bad window or step is a 400 with the reason; players and strangers are refused")
    void badInput() {
        new SeriesScenario(APP).refusesBadWindows();
    }
}
