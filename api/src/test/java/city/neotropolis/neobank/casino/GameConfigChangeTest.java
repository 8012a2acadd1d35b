package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/** Spins remember their game's settings; a GM's change must still reach the very next spin. */
@DisplayName("A GM's change to a game")
class GameConfigChangeTest {
    static final String CONFIG = "/api/admin/casino/config/glitch_grid";
    static final String SPIN = "/api/v1/casino/glitch-grid/spin";

    /** Each change is followed at once by one spin, with spins before it so the old setting is remembered. */
    static void nextSpinSeesEachChange(DropwizardAppExtension<NeoBankConfiguration> app) {
        Api api = TestApp.api(app);
        CasinoFixture db = new CasinoFixture(app);
        Api.Session gm = api.gm();
        Api.Session p = api.player("regular");
        try {
            for (int i = 0; i < 3; i++) {
                assertThat(api.post(SPIN, p.token(), "{\"bet_amount\": 10}").status())
                        .isEqualTo(200);
            }

            assertThat(api.put(CONFIG, gm.token(), "{\"is_enabled\": false}").status())
                    .isEqualTo(200);
            CasinoFixture.State before = db.state(p);
            Api.Res closed = api.post(SPIN, p.token(), "{\"bet_amount\": 10}");
            assertThat(closed.status()).isEqualTo(400);
            assertThat(closed.json().get("error").asText()).contains("closed");
            assertThat(db.state(p)).isEqualTo(before);

            assertThat(api.put(
                                    CONFIG,
                                    gm.token(),
                                    "{\"is_enabled\": true, \"payout_percentage\": 88, \"min_bet\": 20, \"max_bet\": 30}")
                            .status())
                    .isEqualTo(200);
            Api.Res tooSmall = api.post(SPIN, p.token(), "{\"bet_amount\": 10}");
            assertThat(tooSmall.status()).isEqualTo(400);
            assertThat(tooSmall.json().get("error").asText()).contains("between");
            assertThat(api.post(SPIN, p.token(), "{\"bet_amount\": 40}").status())
                    .isEqualTo(400);
            Api.Res inRange = api.post(SPIN, p.token(), "{\"bet_amount\": 20}");
            assertThat(inRange.status()).isEqualTo(200);
            assertThat(payoutOf(db, inRange.json().get("spin_id").asLong())).isEqualTo(88);

            assertThat(api.put(CONFIG, gm.token(), "{\"payout_percentage\": 96, \"min_bet\": 10, \"max_bet\": 1000}")
                            .status())
                    .isEqualTo(200);
            Api.Res back = api.post(SPIN, p.token(), "{\"bet_amount\": 10}");
            assertThat(back.status()).isEqualTo(200);
            assertThat(payoutOf(db, back.json().get("spin_id").asLong())).isEqualTo(96);
        } finally {
            api.put(
                    CONFIG,
                    gm.token(),
                    "{\"is_enabled\": true, \"payout_percentage\": 96, \"min_bet\": 10, \"max_bet\": 1000}");
        }
    }

    static int payoutOf(CasinoFixture db, long spinId) {
        return db.db()
                .reads()
                .withHandle(h -> h.createQuery("SELECT payout_percentage FROM casino_spins WHERE id = :id")
                        .bind("id", spinId)
                        .mapTo(Integer.class)
                        .one());
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

        @Test
        @DisplayName("closing it, reopening it with other limits and payout: each reaches the very next spin")
        void nextSpin() {
            nextSpinSeesEachChange(APP);
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL, one replica")
    class OnPostgres {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));

        @Test
        @DisplayName("closing it, reopening it with other limits and payout: each reaches the very next spin")
        void nextSpin() {
            nextSpinSeesEachChange(APP);
        }
    }
}
