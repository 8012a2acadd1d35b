package city.neotropolis.neobank.web;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The way back from DirectRoutes: with {@code bank.directRoutes: false} every money route is
 * Jersey's. (A class of its own: Dropwizard's overrides are system properties, shared by every
 * service started in the same JVM while they are set.)
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The money routes with bank.directRoutes off")
class DirectRoutesOffTest {
    static final DropwizardAppExtension<NeoBankConfiguration> OFF =
            TestApp.sqlite(ConfigOverride.config("bank.directRoutes", "false"));

    @Test
    @DisplayName("bank.directRoutes: false sends every money route through Jersey")
    void off() {
        Api off = TestApp.api(OFF);
        Api.Session a = off.player("OffA");
        Api.Session b = off.player("OffB");
        List<Integer> statuses = new ArrayList<>();
        statuses.add(
                off.post("/api/v1/transactions", a.token(), DirectRoutesTest.transfer(b.accountNumber(), "1", null))
                        .status());
        statuses.add(off.post("/api/v1/casino/glitch-grid/spin", a.token(), "{\"bet_amount\":10}")
                .status());
        statuses.add(off.post("/api/v1/external/transactions", null, "{}").status());
        assertThat(statuses).containsExactly(201, 200, 401);
        assertThat(((NeoBankApplication) OFF.getApplication()).directRoutes().answeredDirectly())
                .isZero();
    }
}
