package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.AdminPage;
import city.neotropolis.neobank.e2e.pages.BankPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@ExtendWith(Service.class)
@DisplayName("A GM's economy screens: reversals, stipends, leaderboards, faction requests")
class GmEconomyScreensTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    /** The row of a GM's list (user history or Activity feed) that holds this text. */
    private static By rowWith(String text) {
        return By.xpath(
                "//ul[@aria-label='Transactions' or @aria-label='Live transactions']/li[contains(., '" + text + "')]");
    }

    /** Presses "Reverse" on the row with this text, gives the reason and confirms. */
    private static void reverse(Browser gm, String rowText, String reason) {
        WebElement row = gm.waitUntil(d -> d.findElement(rowWith(rowText)));
        // In a user's history the Reverse control is the row after the transaction's own row.
        WebElement button = gm.waitUntil(
                d -> d.findElement(
                        By.xpath(
                                "(//ul/li[contains(., '" + rowText
                                        + "')]/descendant-or-self::li//button[normalize-space(.)='Reverse'] | //ul/li[contains(., '"
                                        + rowText
                                        + "')]/following-sibling::li[1][contains(@class, 'tx-reverse')]//button[normalize-space(.)='Reverse'])[1]")));
        assertThat(row.isDisplayed()).isTrue();
        gm.click(button);
        WebElement form =
                gm.waitUntil(d -> d.findElement(By.xpath("//form[starts-with(@aria-label, 'Reverse transaction')]")));
        gm.type(form.findElement(By.tagName("input")), reason);
        gm.click(form.findElement(By.xpath(".//button[normalize-space(.)='Reverse…']")));
        gm.click(gm.waitUntil(d -> d.findElement(By.xpath("//button[normalize-space(.)='Confirm reversal']"))));
    }

    @Test
    @DisplayName(
            "a GM reverses a transfer from a user's history: both players' histories show the link; a spin is refused in place")
    void reverseTransfer() {
        Service s = Service.get();
        Service.Session ora = s.register("Ora Lindqvist", "ora-password-1");
        Service.Session tam = s.register("Tam Okoro", "tam-password-1");
        s.call(
                "POST",
                "/api/v1/transactions",
                ora,
                Map.of("to_account", tam.account(), "amount", "30", "memo", "Wrong runner"));
        s.call("POST", "/api/v1/casino/glitch-grid/spin", tam, Map.of("bet_amount", 10));

        Browser gm = BROWSERS.open();
        AdminPage admin = AdminTest.gmApp(gm);
        admin.openUser("Tam Okoro");
        gm.waitForText("Wrong runner");
        // No reason: refused in the browser, nothing sent.
        gm.click(
                gm.waitUntil(
                        d -> d.findElement(
                                By.xpath(
                                        "//ul[@aria-label='Transactions']/li[contains(., 'Wrong runner')]/following-sibling::li[1]//button[normalize-space(.)='Reverse']"))));
        WebElement form =
                gm.waitUntil(d -> d.findElement(By.xpath("//form[starts-with(@aria-label, 'Reverse transaction')]")));
        assertThat(form.getText()).contains("₡30.00 moves back from Tam Okoro to Ora Lindqvist.");
        gm.click(form.findElement(By.xpath(".//button[normalize-space(.)='Reverse…']")));
        gm.waitForText("A reason is required");
        gm.type(form.findElement(By.tagName("input")), "Sent to the wrong runner");
        gm.click(form.findElement(By.xpath(".//button[normalize-space(.)='Reverse…']")));
        Look.check(gm, "admin-reverse-confirm");
        gm.click(gm.waitUntil(d -> d.findElement(By.xpath("//button[normalize-space(.)='Confirm reversal']"))));
        gm.waitForText("Reversed by a GM (#");
        gm.waitForText("Reverses #");
        long reversals = s
                .call("GET", "/api/v1/account/transactions?limit=100", tam, null)
                .get("transactions")
                .findValuesAsText("type")
                .stream()
                .filter("reversal"::equals)
                .count();
        assertThat(reversals).isEqualTo(1);
        Look.check(gm, "admin-user-reversed");

        // The players' own histories show the link both ways.
        Browser player = BROWSERS.open();
        BankPage oraBank = LoginPage.open(player).logIn("Ora Lindqvist", "ora-password-1");
        oraBank.waitForHistoryRow("Reversed by a GM (#");
        oraBank.waitForHistoryRow("Reverses #");
        assertThat(s.balance(ora)).isEqualTo(1000.0);

        // A spin is not reversible: the server says so in place, nothing moves.
        admin.section("Activity");
        double before = s.balance(tam);
        reverse(gm, "Spin", "Tried to undo a spin");
        gm.waitForText("Casino spins are not reversible");
        assertThat(s.balance(tam)).isEqualTo(before);
        gm.waitForText("Reversed by #");
        Look.check(gm, "admin-activity-reverse");
        JsonNode verify = s.call("GET", "/api/admin/ledger/verify", s.gm(), null);
        assertThat(verify.get("ok").asBoolean()).isTrue();
    }

    @Test
    @DisplayName(
            "a GM confirms one faction request and rejects another; a grant then pays the member only; a member is removed")
    void factionRequests() {
        Service s = Service.get();
        Service.Session nia = s.register("Nia Castellan", "nia-password-1");
        Service.Session bo = s.register("Bo Szabo", "bo-password-1");
        s.call(
                "POST",
                "/api/admin/factions/create",
                s.gm(),
                Map.of("name", "Rust Monks", "description", "Keepers of old iron"));
        s.call("PUT", "/api/v1/account/profile", nia, Map.of("faction_request", "Rust Monks"));
        s.call("PUT", "/api/v1/account/profile", bo, Map.of("faction_request", "Rust Monks"));

        Browser gm = BROWSERS.open();
        AdminPage admin = AdminTest.gmApp(gm).section("Factions");
        gm.waitForText("Asks to join Rust Monks");
        Look.check(gm, "admin-faction-requests");
        gm.click(gm.waitUntil(
                d -> d.findElement(By.xpath("//button[@aria-label='Confirm Nia Castellan in Rust Monks']"))));
        gm.waitForText("Nia Castellan is a member of Rust Monks");
        gm.click(gm.waitUntil(d -> d.findElement(By.xpath("//button[@aria-label='Reject the request of Bo Szabo']"))));
        gm.waitForText("Request of Bo Szabo turned down");
        gm.waitForText("No pending requests");
        assertThat(s.call("GET", "/api/v1/account", bo, null)
                        .get("account")
                        .get("faction")
                        .asText())
                .isEmpty();

        new org.openqa.selenium.support.ui.Select(gm.field("Faction")).selectByVisibleText("Rust Monks (1)");
        gm.type(admin.field("Grant credits to every member", "Amount"), "25");
        gm.type(admin.field("Grant credits to every member", "Reason"), "Monastery tithe");
        gm.click(gm.button("Grant credits"));
        gm.waitForText("1 × ₡25.00 = ₡25.00");
        assertThat(s.balance(nia)).isEqualTo(1025.0);
        assertThat(s.balance(bo)).isEqualTo(1000.0);

        gm.type(gm.field("Account number"), "nc-nope");
        gm.click(gm.button("Remove from faction"));
        gm.waitForText("Enter an account number like");
        gm.type(gm.field("Account number"), nia.account());
        gm.click(gm.button("Remove from faction"));
        gm.waitForText("Nia Castellan is in no faction");
        assertThat(s.call("GET", "/api/v1/account", nia, null)
                        .get("account")
                        .get("faction")
                        .asText())
                .isEmpty();
        Look.check(gm, "admin-factions-members");
    }

    @Test
    @DisplayName(
            "a GM sees the boards with opted-out players flagged, switches them on, and a player's screen shows them")
    void leaderboards() {
        Service s = Service.get();
        Service.Session vio = s.register("Vio Marchetti", "vio-password-1");
        Service.Session quin = s.register("Quin Adeyemi", "quin-password-1");
        s.call("PUT", "/api/v1/leaderboards/opt-out", quin, Map.of("opt_out", true));
        s.call(
                "POST",
                "/api/v1/transactions",
                vio,
                Map.of("to_account", quin.account(), "amount", "12", "memo", "for the road"));
        s.call(
                "POST",
                "/api/v1/transactions",
                quin,
                Map.of("to_account", vio.account(), "amount", "20", "memo", "paid back"));

        Browser player = BROWSERS.open();
        LoginPage.open(player).logIn("Vio Marchetti", "vio-password-1");
        city.neotropolis.neobank.e2e.pages.LeaderboardsPage boards =
                city.neotropolis.neobank.e2e.pages.LeaderboardsPage.open(player);
        assertThat(boards.board("Most generous senders")).isEmpty();

        Browser gm = BROWSERS.open();
        AdminTest.gmApp(gm).section("Leaderboards");
        gm.waitForText("Quin Adeyemi");
        WebElement quinRow = gm.waitUntil(d -> d.findElement(By.xpath(
                "//section[h2[normalize-space(.)='Most generous senders']]//li[contains(., 'Quin Adeyemi')]")));
        assertThat(quinRow.getText()).contains("opted out");
        assertThat(gm.driver()
                        .findElement(
                                By.xpath(
                                        "//section[h2[normalize-space(.)='Most generous senders']]//li[contains(., 'Vio Marchetti')]"))
                        .getText())
                .doesNotContain("opted out");
        WebElement toggle = gm.field("Show leaderboards to players");
        assertThat(toggle.isSelected()).isFalse();
        Look.check(gm, "admin-leaderboards");
        gm.click(toggle);
        gm.waitUntil(d ->
                s.call("GET", "/api/v1/leaderboards", vio, null).get("enabled").asBoolean());
        assertThat(gm.field("Show leaderboards to players").isSelected()).isTrue();

        player.driver().navigate().refresh();
        player.waitUntil(
                Duration.ofSeconds(10),
                d -> boards.board("Most generous senders").size() == 2);
        assertThat(String.join("\n", boards.board("Most generous senders")))
                .contains("Vio Marchetti")
                .contains("Anonymous")
                .doesNotContain("Quin Adeyemi");

        gm.click(gm.field("Show leaderboards to players"));
        gm.waitUntil(d ->
                !s.call("GET", "/api/v1/leaderboards", vio, null).get("enabled").asBoolean());
    }
}
