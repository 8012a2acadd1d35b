package city.neotropolis.neobank.leaderboards;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("Leaderboards: biggest wins, faction totals, generous senders")
class LeaderboardTest {

    abstract static class Story {
        abstract DropwizardAppExtension<NeoBankConfiguration> app();

        void send(Api api, Api.Session from, Api.Session to, int amount) {
            Api.Res r = api.post(
                    "/api/v1/transactions",
                    from.token(),
                    "{\"to_account\":\"" + to.accountNumber() + "\",\"amount\":" + amount + "}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }

        @Test
        @DisplayName("off by default for players (GMs always see); opted-out players never appear by name to players")
        void boards() {
            Api api = TestApp.api(app());
            Api.Session gm = api.gm();
            String fa = Api.uniqueName("Lb");
            Api.Session rich = api.player("lbRich");
            Api.Session shy = api.player("lbShy");
            api.put("/api/admin/factions/members/" + rich.accountNumber(), gm.token(), "{\"faction\":\"" + fa + "\"}");
            send(api, shy, rich, 900);
            send(api, rich, shy, 100);
            // Spin until the casino pays something (the player side of the house's odds).
            boolean won = false;
            for (int i = 0; i < 300 && !won; i++) {
                Api.Res spin = api.post("/api/v1/casino/glitch-grid/spin", rich.token(), "{\"bet_amount\":10}");
                assertThat(spin.status()).as(spin.body()).isEqualTo(200);
                won = spin.json().get("win_amount").decimalValue().signum() > 0;
            }
            assertThat(won).as("a win in 300 spins").isTrue();
            assertThat(api.put("/api/v1/leaderboards/opt-out", shy.token(), "{\"opt_out\":true}")
                            .json()
                            .get("opt_out")
                            .asBoolean())
                    .isTrue();

            JsonNode closed = api.get("/api/v1/leaderboards", rich.token()).json();
            assertThat(closed.get("enabled").asBoolean()).isFalse();
            assertThat(closed.get("biggest_wins").isNull()).isTrue();
            assertThat(closed.get("generous_senders").isNull()).isTrue();
            assertThat(closed.get("message").asText()).contains("not open");

            JsonNode gmView = api.get("/api/v1/leaderboards", gm.token()).json();
            assertThat(gmView.get("enabled").asBoolean()).isFalse();
            assertThat(gmView.at("/generous_senders/0/character_name").asText()).isEqualTo(shy.name());
            assertThat(gmView.at("/generous_senders/0/anonymous").asBoolean()).isTrue();

            Api.Res on = api.put("/api/admin/leaderboards", gm.token(), "{\"enabled\":true}");
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            JsonNode open = api.get("/api/v1/leaderboards", rich.token()).json();
            assertThat(open.get("enabled").asBoolean()).isTrue();
            JsonNode top = open.at("/generous_senders/0");
            assertThat(top.get("character_name").asText()).isEqualTo(LeaderboardService.ANONYMOUS);
            assertThat(top.get("total_sent").decimalValue()).isEqualByComparingTo("900");
            assertThat(top.get("rank").asInt()).isEqualTo(1);
            assertThat(open.get("generous_senders").toString()).doesNotContain(shy.name());
            assertThat(open.get("generous_senders").toString()).contains(rich.name());
            assertThat(open.get("biggest_wins").toString())
                    .contains(rich.name())
                    .contains("glitch_grid");
            assertThat(open.get("faction_totals").toString()).contains(fa);
            assertThat(api.get("/api/v1/leaderboards", shy.token())
                            .json()
                            .get("opted_out")
                            .asBoolean())
                    .isTrue();

            // Opting back in shows the name again.
            api.put("/api/v1/leaderboards/opt-out", shy.token(), "{\"opt_out\":false}");
            assertThat(api.get("/api/v1/leaderboards", rich.token())
                            .json()
                            .get("generous_senders")
                            .toString())
                    .contains(shy.name());
            assertThat(api.get("/api/admin/audit-logs?limit=5", gm.token()).body())
                    .contains("leaderboards_on");
            api.put("/api/admin/leaderboards", gm.token(), "{\"enabled\":false}");
            assertThat(api.get("/api/v1/leaderboards", rich.token())
                            .json()
                            .get("enabled")
                            .asBoolean())
                    .isFalse();
        }

        @Test
        @DisplayName("bad input is a 400 JSON error; players cannot flip the switch; strangers get 401")
        void refusals() {
            Api api = TestApp.api(app());
            Api.Session gm = api.gm();
            Api.Session p = api.player("lbRef");
            for (String body : new String[] {"{}", "{\"enabled\":\"yes\"}", "{\"enabled\":1}", "[]", "nope"}) {
                Api.Res r = api.put("/api/admin/leaderboards", gm.token(), body);
                assertThat(r.status()).as(body).isEqualTo(400);
                assertThat(r.json().get("error").asText()).isNotBlank();
            }
            for (String body : new String[] {"{}", "{\"opt_out\":\"yes\"}", "null"}) {
                assertThat(api.put("/api/v1/leaderboards/opt-out", p.token(), body)
                                .status())
                        .as(body)
                        .isEqualTo(400);
            }
            assertThat(api.put("/api/admin/leaderboards", p.token(), "{\"enabled\":true}")
                            .status())
                    .isEqualTo(403);
            assertThat(api.get("/api/v1/leaderboards", null).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/leaderboards", p.token())
                            .json()
                            .get("enabled")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite extends Story {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres extends Story {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }
}
