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
        // Other browser tests share this service and may leave requests of their own pending.
        gm.waitUntil(d -> ((String) gm.js("return document.body.innerText")).contains("Asks to join Rust Monks")
                ? null
                : Boolean.TRUE);
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
                d -> String.join("\n", boards.board("Most generous senders")).contains("Vio Marchetti"));
        assertThat(String.join("\n", boards.board("Most generous senders")))
                .contains("Vio Marchetti")
                .contains("Anonymous")
                .doesNotContain("Quin Adeyemi");

        gm.click(gm.field("Show leaderboards to players"));
        gm.waitUntil(d ->
                !s.call("GET", "/api/v1/leaderboards", vio, null).get("enabled").asBoolean());
    }

    /** Sets a native date/time input the way a picker does (typing into one depends on the browser's locale). */
    private static void setInput(Browser b, String id, String value) {
        b.js(
                "const e = document.getElementById(arguments[0]); e.value = arguments[1];"
                        + " e.dispatchEvent(new Event('input', { bubbles: true }));",
                id,
                value);
    }

    @Test
    @DisplayName(
            "a GM creates a stipend for listed accounts, runs it, and the player's open app shows the pay; pause, resume, delete")
    void stipend() {
        Service s = Service.get();
        Service.Session juno = s.register("Juno Reyes-Park", "juno-password-1");
        Browser player = BROWSERS.open();
        BankPage bank = LoginPage.open(player).logIn("Juno Reyes-Park", "juno-password-1");
        assertThat(bank.balance()).isEqualTo("₡1,000.00");

        Browser gm = BROWSERS.open();
        AdminPage admin = AdminTest.gmApp(gm).section("Stipends");
        gm.waitForText("No stipends yet");
        gm.click(gm.button("Create stipend"));
        gm.waitForText("A name is required");
        assertThat(s.call("GET", "/api/admin/stipends", s.gm(), null).get("stipends"))
                .isEmpty();

        gm.type(gm.field("Name"), "Courier pay");
        gm.type(gm.field("Amount"), "15");
        gm.click(gm.driver().findElement(By.xpath("//label[normalize-space(.)='Listed accounts']/input")));
        gm.type(gm.field("Account numbers"), juno.account());
        gm.click(gm.driver().findElement(By.xpath("//label[normalize-space(.)='Once']/input")));
        java.time.LocalDateTime at = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
                .plusSeconds(6)
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        setInput(gm, "stipend-at", at.toString().length() == 16 ? at + ":00" : at.toString());
        gm.click(gm.button("Create stipend"));
        gm.waitForText("Courier pay");
        gm.waitForText("1 listed account");
        gm.waitForText("Active");
        Look.check(gm, "admin-stipends");

        // Once its time has passed, "Run due now" pays it (or the scheduler did a moment earlier).
        java.time.Instant due = at.toInstant(java.time.ZoneOffset.UTC);
        gm.waitUntil(Duration.ofSeconds(20), d -> java.time.Instant.now().isAfter(due.plusMillis(500)));
        gm.click(gm.button("Run due now"));
        gm.waitForText("made");
        bank.waitForBalance("₡1,015.00", Duration.ofSeconds(20));
        assertThat(s.balance(juno)).isEqualTo(1015.0);
        gm.click(gm.button("Run due now"));
        gm.waitForText("0 payments made");
        assertThat(s.balance(juno)).as("a slot pays once").isEqualTo(1015.0);
        gm.click(gm.button("Slot history of Courier pay"));
        WebElement slots = gm.waitUntil(d -> d.findElement(By.xpath("//table[@aria-label='Slots of Courier pay']")));
        assertThat(slots.getText()).contains("paid").contains("₡15.00");
        Look.check(gm, "admin-stipend-history");

        // A daily one for every player: paused, resumed, deleted.
        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        String tomorrow =
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        gm.type(gm.field("Name"), "Citizen dole");
        gm.type(gm.field("Amount"), "5");
        gm.click(gm.driver().findElement(By.xpath("//label[normalize-space(.)='Every player']/input")));
        gm.click(gm.driver().findElement(By.xpath("//label[normalize-space(.)='Daily']/input")));
        setInput(gm, "stipend-time", "23:59");
        setInput(gm, "stipend-from", today);
        setInput(gm, "stipend-until", tomorrow);
        gm.click(gm.driver().findElement(By.xpath("//label[normalize-space(.)='Skip it']/input")));
        gm.click(gm.button("Create stipend"));
        gm.waitForText("Daily at 23:59");
        gm.click(gm.waitUntil(d -> d.findElement(By.xpath("//button[@aria-label='Edit Citizen dole']"))));
        gm.waitForText("Edit stipend");
        assertThat(gm.field("Name").getAttribute("value")).isEqualTo("Citizen dole");
        gm.type(gm.field("Amount"), "6");
        gm.click(gm.button("Save"));
        gm.waitForText("₡6.00 each");
        gm.waitForText("New stipend");
        gm.click(gm.waitUntil(d -> d.findElement(By.xpath("//button[@aria-label='Pause Citizen dole']"))));
        gm.waitUntil(d -> d.findElement(By.xpath("//button[@aria-label='Resume Citizen dole']")));
        gm.waitForText("Paused");
        gm.click(gm.driver().findElement(By.xpath("//button[@aria-label='Resume Citizen dole']")));
        gm.waitUntil(d -> d.findElement(By.xpath("//button[@aria-label='Pause Citizen dole']")));
        gm.click(gm.driver().findElement(By.xpath("//button[@aria-label='Delete Citizen dole']")));
        gm.click(gm.waitUntil(d -> d.findElement(By.xpath("//button[normalize-space(.)='Confirm delete']"))));
        gm.waitUntil(d -> !gm.hasText("Daily at 23:59"));
        JsonNode left = s.call("GET", "/api/admin/stipends", s.gm(), null).get("stipends");
        assertThat(left).hasSize(1);
        assertThat(left.get(0).get("name").asText()).isEqualTo("Courier pay");
        gm.size(1024, 768);
        assertThat(gm.sideways()).isLessThanOrEqualTo(0);
        gm.screenshot("admin-stipends-tablet");
        assertThat(admin).isNotNull();
    }
}
