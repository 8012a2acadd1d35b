package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.e2e.pages.AdminPage;
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
@DisplayName("A GM runs the economy from the web app")
class AdminTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    static AdminPage gmApp(Browser b) {
        LoginPage.open(b).logIn("admin", Service.GM_PASSWORD);
        return AdminPage.open(b);
    }

    @Test
    @DisplayName(
            "a GM finds a player, adjusts their balance (their open app shows it), freezes them (they are logged out)")
    void adjustAndFreeze() {
        Service s = Service.get();
        s.register("Rook Vance", "rook-password-1");
        Browser player = BROWSERS.open();
        BankPage bank = LoginPage.open(player).logIn("Rook Vance", "rook-password-1");
        assertThat(bank.balance()).isEqualTo("₡1,000.00");

        Browser gm = BROWSERS.open();
        AdminPage admin = gmApp(gm);
        Look.check(gm, "admin-users");
        admin.openUser("Rook Vance");

        admin.adjust("250", "");
        gm.waitForText("A reason is required");
        admin.adjust("250", "Quest reward: the data heist");
        gm.waitForText("New balance ₡1,250.00");
        assertThat(admin.userBalance()).isEqualTo("₡1,250.00");
        bank.waitForBalance("₡1,250.00", Duration.ofSeconds(10));
        gm.waitForText("Quest reward: the data heist");
        Look.check(gm, "admin-user");

        admin.freeze("Caught skimming the casino");
        gm.waitForText("Rook Vance is frozen");
        new LoginPage(player).ready();
        player.waitForText("Your session ended");
        assertThat(player.js("return localStorage.getItem('neobank.token')")).isNull();
        admin.unfreeze("Cleared by the council");
        gm.waitForText("Rook Vance is unfrozen");
    }

    @Test
    @DisplayName("the activity feed shows new rows without a reload; the ledger verifies; the audit log filters")
    void activity() {
        Service s = Service.get();
        Service.Session ada = s.register("Ada Quill", "ada-password-1");
        Service.Session bo = s.register("Bo Tanaka", "bo-password-1");
        Browser gm = BROWSERS.open();
        gmApp(gm).section("Activity");
        gm.labelled("Live transactions");
        s.call(
                "POST",
                "/api/v1/transactions",
                ada,
                Map.of("to_account", bo.account(), "amount", "12.50", "memo", "Noodles at the night market"));
        gm.waitUntil(Duration.ofSeconds(10), d -> gm.hasText("Noodles at the night market"));
        assertThat(gm.js("return performance.getEntriesByType('navigation').length"))
                .isEqualTo(1L);

        gm.click(gm.button("Verify ledger"));
        gm.waitForText("Ledger OK");
        s.call("POST", "/api/admin/users/" + bo.account() + "/freeze", s.gm(), Map.of("reason", "Audit test"));
        s.call("POST", "/api/admin/users/" + bo.account() + "/unfreeze", s.gm(), Map.of("reason", "Audit test"));
        gm.driver().navigate().refresh();
        gm.labelled("Audit log");
        new org.openqa.selenium.support.ui.Select(gm.field("Action")).selectByVisibleText("freeze");
        List<String> rows = gm.driver().findElements(By.cssSelector("[aria-label='Audit log'] li")).stream()
                .map(e -> e.getText())
                .toList();
        assertThat(rows).isNotEmpty().allMatch(r -> r.startsWith("freeze by"));
        Look.check(gm, "admin-activity");
    }

    @Test
    @DisplayName(
            "a player's app has no Admin entry; an admin route typed by hand shows nothing and calls nothing that succeeds")
    void playersSeeNothing() {
        Service s = Service.get();
        Service.Session cy = s.register("Cy Marlowe", "cy-password-1");
        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Cy Marlowe", "cy-password-1");
        assertThat(b.driver().findElements(By.xpath("//nav[@aria-label='Main']//a[normalize-space(.)='Admin']")))
                .isEmpty();
        for (String route : List.of("/admin", "/admin/users", "/admin/user?acct=" + cy.account(), "/admin/dashboard")) {
            b.go(route);
            new BankPage(b).ready();
            assertThat(b.driver().getCurrentUrl()).endsWith("#/bank");
            assertThat(b.driver().findElements(By.xpath("//*[@aria-label='Admin sections']")))
                    .isEmpty();
        }
        assertThat(
                        b.js(
                                "return performance.getEntriesByType('resource').map(e => e.name)"
                                        + ".filter(n => n.includes('/api/admin') || (n.includes('/screens/admin/') && !n.endsWith('/sections.js'))).length"))
                .isEqualTo(0L);
        assertThatThrownBy(() -> s.call("GET", "/api/admin/users/search?q=", cy, null))
                .hasMessageContaining("-> 403");
    }
}
