package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.BankPage;
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
}
