package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.BankPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

@ExtendWith(Service.class)
@DisplayName("Network trouble in the browser")
class NetworkTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @Test
    @DisplayName("started without a network, the app opens from its service worker and says it is offline")
    void offlineStart() {
        Service.get().register("Juno Park", "juno-password-1");
        Browser b = BROWSERS.open();
        BankPage bank = LoginPage.open(b).logIn("Juno Park", "juno-password-1");
        b.waitUntil(
                Duration.ofSeconds(20),
                d -> Boolean.TRUE.equals(b.js("return navigator.serviceWorker.controller !== null")));
        b.offline(true);
        try {
            b.driver().navigate().refresh();
            b.waitForText("Offline.");
            assertThat(b.hasText("Payments and spins are paused")).isTrue();
            assertThat(b.link("Send").getAttribute("aria-disabled")).isEqualTo("true");
            assertThat(b.labelled("Current balance ₡1,000.00")).isNotNull();
            Look.check(b, "offline");
        } finally {
            b.offline(false);
        }
        bank.ready();
        b.waitUntil(d -> !b.hasText("Offline."));
    }

    @Test
    @DisplayName("a failed request shows the problem in place with a retry; a slow one shows skeletons and says so")
    void errorAndSlow() {
        Service.get().register("Pax Moreno", "pax-password-1");
        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Pax Moreno", "pax-password-1");
        b.cdp("Network.enable", Map.of());
        b.cdp("Network.setBlockedURLs", Map.of("urls", List.of("*/api/v1/account/transactions*")));
        b.driver().navigate().refresh();
        b.waitForText("No connection to the bank");
        Look.check(b, "bank-error");
        b.cdp("Network.setBlockedURLs", Map.of("urls", List.of()));
        b.click(b.button("Retry"));
        new BankPage(b).waitForHistoryRow("Starting credits");

        // Every request now takes 6 s: skeletons while the casino loads, and the slow bar.
        b.cdp(
                "Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 6000, "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            b.click(b.link("Casino"));
            b.waitUntil(d -> !d.findElements(By.xpath("//*[@aria-label='Loading games']"))
                    .isEmpty());
            b.waitForText("Slow connection.");
            Look.check(b, "casino-loading");
        } finally {
            b.offline(false);
        }
        b.link("Glitch Grid");
    }
}
