package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.BankPage;
import city.neotropolis.neobank.e2e.pages.LeaderboardsPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(Service.class)
@DisplayName("The living economy in a player's browser")
class EconomyTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @Test
    @DisplayName("a GM's reversal shows on both rows of the history, linked, with the GM's reason")
    void reversalInHistory() {
        Service s = Service.get();
        Service.Session rhea = s.register("Rhea Nakamura", "rhea-password-1");
        Service.Session tomas = s.register("Tomas Vey", "tomas-password-1");
        JsonNode sent = s.call(
                "POST",
                "/api/v1/transactions",
                rhea,
                Map.of("to_account", tomas.account(), "amount", 40, "memo", "Deposit for the wrong drone"));
        long id = sent.at("/transaction/id").asLong();
        JsonNode reversed = s.call(
                "POST",
                "/api/admin/transactions/" + id + "/reverse",
                s.gm(),
                Map.of("reason", "Paid the wrong vendor"));
        long rid = reversed.at("/reversal/id").asLong();

        Browser b = BROWSERS.open();
        BankPage bank = LoginPage.open(b).logIn("Rhea Nakamura", "rhea-password-1");
        assertThat(bank.balance()).isEqualTo("₡1,000.00");
        bank.waitForHistoryRow("Reverses #" + id);
        List<String> rows = bank.history();
        assertThat(rows.get(0))
                .contains("Reversal")
                .contains("Paid the wrong vendor")
                .contains("Reverses #" + id)
                .contains("+₡40.00")
                .doesNotContain("Reversal of #");
        assertThat(rows.get(1))
                .contains("Tomas Vey")
                .contains("Deposit for the wrong drone")
                .contains("Reversed by a GM (#" + rid + ")");
        // The link takes the player to the other row.
        b.click(b.button("↩ Reversed by a GM (#" + rid + ")"));
        assertThat(b.js("return document.getElementById('tx-" + rid + "') !== null"))
                .isEqualTo(true);
        Look.check(b, "history-reversal");
    }

    @Test
    @DisplayName("leaderboards: closed until a GM opens them; a player keeps their name off with one tap")
    void leaderboards() {
        Service s = Service.get();
        Service.Session vera = s.register("Vera Quill", "vera-password-1");
        Service.Session otto = s.register("Otto Brandt", "otto-password-1");
        s.call("PUT", "/api/admin/factions/members/" + vera.account(), s.gm(), Map.of("faction", "Lotus Syndicate"));
        s.call("POST", "/api/v1/transactions", otto, Map.of("to_account", vera.account(), "amount", 650));

        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Vera Quill", "vera-password-1");
        LeaderboardsPage.open(b);
        b.waitForText("The leaderboards are not open yet");
        Look.check(b, "leaderboards-closed");

        s.call("PUT", "/api/admin/leaderboards", s.gm(), Map.of("enabled", true));
        try {
            b.driver().navigate().refresh();
            LeaderboardsPage boards = new LeaderboardsPage(b);
            b.waitForText("Most generous senders");
            b.waitUntil(d -> boards.board("Most generous senders").stream().anyMatch(r -> r.contains("Otto Brandt")));
            assertThat(boards.board("Faction totals")).anyMatch(r -> r.contains("Lotus Syndicate"));
            Look.check(b, "leaderboards");

            // Otto keeps his name off: Vera now sees "Anonymous" where he was.
            Browser ob = BROWSERS.open();
            LoginPage.open(ob).logIn("Otto Brandt", "otto-password-1");
            LeaderboardsPage mine = LeaderboardsPage.open(ob);
            assertThat(mine.showMyName().isSelected()).isTrue();
            mine.toggleMyName("You no longer appear by name");
            assertThat(mine.showMyName().isSelected()).isFalse();
            b.driver().navigate().refresh();
            b.waitForText("Most generous senders");
            b.waitUntil(d -> boards.board("Most generous senders").stream()
                    .anyMatch(r -> r.contains("Anonymous") && r.contains("₡650.00")));
            assertThat(String.join("\n", boards.board("Most generous senders"))).doesNotContain("Otto Brandt");
        } finally {
            s.call("PUT", "/api/admin/leaderboards", s.gm(), Map.of("enabled", false));
        }
    }
}
