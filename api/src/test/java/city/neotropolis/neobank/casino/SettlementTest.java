package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import city.neotropolis.neobank.web.ErrorMappers;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A spin is all or nothing")
class SettlementTest {
    /** A house of 2,000 credits: it covers Glitch Grid's top award (100×) at 10 and 20 only. */
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
            ConfigOverride.config("rateLimits.enabled", "false"), ConfigOverride.config("bank.houseBankroll", "2000"));

    final Api api = TestApp.api(APP);
    final CasinoFixture db = new CasinoFixture(APP);

    @Nested
    @DisplayName("When the house cannot cover the largest possible win")
    class HouseCover {
        @Test
        @DisplayName("the spin is refused with a 503 before anything moves")
        void refused() {
            Api.Session p = api.player("cover");
            api.get("/api/v1/casino/fairness", p.token());
            CasinoFixture.State before = db.state(p);
            Api.Res glitch = api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 30}");
            assertThat(glitch.status()).isEqualTo(503);
            assertThat(glitch.json().get("error").asText()).contains("house cannot cover");
            // 1,150 line bets is the most all 9 lines and the scatters can pay together: 5,750 at 5 per line.
            Api.Res star = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), "{\"bet_amount\": 5}");
            assertThat(star.status()).isEqualTo(503);
            assertThat(db.state(p)).isEqualTo(before);
        }

        @Test
        @DisplayName("a bet it can cover still plays")
        void covered() {
            Api.Session p = api.player("cover");
            assertThat(api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}")
                            .status())
                    .isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("When something fails after the bet debit")
    class Fault {
        @Test
        @DisplayName("the player gets a JSON error and the bet, nonce and spin record are all rolled back")
        void rolledBack() {
            Api.Session p = api.player("fault");
            api.get("/api/v1/casino/fairness", p.token());
            CasinoFixture.State before = db.state(p);
            // The spin record is written after the bet debit (and any win): a trigger makes that last
            // statement of the unit fail, in the real database, with no hook in the service.
            db.db()
                    .writer()
                    .write(
                            s -> s.handle()
                                    .execute(
                                            "CREATE TRIGGER fail_spin_record BEFORE INSERT ON "
                                                    + "casino_spins BEGIN SELECT RAISE(ABORT, 'injected failure after the bet debit'); END"));
            // The 500 is expected here: its ERROR line and stack trace would only hide real ones in the build log.
            Logger errors = (Logger) LoggerFactory.getLogger(ErrorMappers.class);
            Level level = errors.getLevel();
            errors.setLevel(Level.OFF);
            try {
                Api.Res r = api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}");
                assertThat(r.status()).isEqualTo(500);
                assertThat(r.json().get("error").asText()).isNotBlank();
            } finally {
                errors.setLevel(level);
                db.db().writer().write(s -> s.handle().execute("DROP TRIGGER fail_spin_record"));
            }
            assertThat(db.state(p)).isEqualTo(before);
            assertThat(new city.neotropolis.neobank.ledger.LedgerVerifier(db.db())
                            .verify()
                            .ok())
                    .isTrue();
            assertThat(api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}")
                            .status())
                    .isEqualTo(200);
        }
    }
}
