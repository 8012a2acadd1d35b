package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("gm ledger verify on a ledger tampered with behind the service's back")
class LedgerVerifyFailureTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = Service.app();

    @Test
    @DisplayName("exits 1, prints the report, and names the violation on stderr")
    void tampered() throws SQLException {
        String url = Service.url(APP);
        Path home = Service.loggedIn(url);
        Service.Player p = Service.player(url, "Tampered");
        assertThat(Service.gm(url, home, "", "ledger", "verify").code()).isZero();

        try (Connection c =
                DriverManager.getConnection(APP.getConfiguration().getDatabase().getUrl())) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 10000");
            }
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE accounts SET balance = balance + 100 WHERE account_number = ?")) {
                ps.setString(1, p.accountNumber());
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
        }

        Service.Run table = Service.gm(url, home, "", "ledger", "verify");
        Service.Run json = Service.gm(url, home, "", "ledger", "verify", "--json");

        assertThat(table.code()).as(table.toString()).isEqualTo(1);
        assertThat(table.out()).containsPattern("ok +no");
        assertThat(table.err()).contains("the ledger does NOT verify");
        assertThat(json.code()).isEqualTo(1);
        assertThat(json.json().get("ok").asBoolean()).isFalse();
        assertThat(json.json().get("violation").asText()).isNotBlank();
    }
}
