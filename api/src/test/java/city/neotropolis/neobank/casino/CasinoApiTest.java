package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.ReelSet;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Chrome Slots over HTTP")
class CasinoApiTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));
    final Api api = TestApp.api(APP);
    final CasinoFixture db = new CasinoFixture(APP);

    static long hundredths(JsonNode n) {
        return n.decimalValue().movePointRight(2).longValueExact();
    }

    @Nested
    @DisplayName("The lobby")
    class Lobby {
        @Test
        @DisplayName("shows each game's limits, paytable and the exact RTP of its setting")
        void games() {
            Api.Session p = api.player("lobby");
            Api.Res r = api.get("/api/v1/casino/games", p.token());
            assertThat(r.status()).isEqualTo(200);
            JsonNode games = r.json().get("games");
            assertThat(games).hasSize(2);
            JsonNode glitch = games.get(0);
            assertThat(glitch.get("name").asText()).isEqualTo("glitch_grid");
            assertThat(glitch.get("enabled").asBoolean()).isTrue();
            assertThat(glitch.get("min_bet").asInt()).isEqualTo(10);
            assertThat(glitch.get("max_bet").asInt()).isEqualTo(1000);
            assertThat(glitch.get("payout_percentage").asInt()).isEqualTo(96);
            assertThat(glitch.get("rtp").asDouble()).isBetween(95.95, 96.05);
            assertThat(glitch.at("/paytable/wild").asText()).isEqualTo("🏢");
            JsonNode star = games.get(1);
            assertThat(star.get("paylines").asInt()).isEqualTo(9);
            assertThat(star.at("/paytable/scatter/symbol").asText()).isEqualTo("🌀");
            assertThat(star.at("/paytable/free_spins_award").asInt()).isEqualTo(5);
        }
    }

    @Nested
    @DisplayName("A Glitch Grid spin")
    class Glitch {
        @Test
        @DisplayName("debits the bet to the house, credits any win, and records the spin for the GM")
        void spin() {
            Api.Session p = api.player("glitch");
            long before = api.balance(p);
            long house = db.houseBalance();
            Api.Res r = api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 20}");
            assertThat(r.status()).isEqualTo(200);
            JsonNode j = r.json();
            assertThat(j.get("reels")).hasSize(3);
            assertThat(hundredths(j.get("bet"))).isEqualTo(2000);
            long win = hundredths(j.get("win_amount"));
            assertThat(j.get("win_multiplier").decimalValue().movePointRight(2).longValue() * 20)
                    .isEqualTo(win);
            assertThat(hundredths(j.get("balance")))
                    .isEqualTo(before - 2000 + win)
                    .isEqualTo(api.balance(p));
            assertThat(db.houseBalance()).isEqualTo(house + 2000 - win);
            assertThat(j.get("server_seed_hash").asText()).hasSize(64);
            assertThat(j.get("nonce").asLong()).isZero();

            JsonNode tx = api.get("/api/v1/account/transactions?limit=5", p.token())
                    .json()
                    .get("transactions");
            JsonNode bet = win > 0 ? tx.get(1) : tx.get(0);
            assertThat(bet.get("type").asText()).isEqualTo("casino_bet");
            assertThat(bet.get("memo").asText()).isEqualTo("glitch_grid");
            assertThat(bet.get("to_account").asText()).isEqualTo("NC-CASA-0000");

            Api.Res gm = api.get(
                    "/api/admin/casino/spins/" + j.get("spin_id").asLong(),
                    api.gm().token());
            assertThat(gm.status()).isEqualTo(200);
            assertThat(gm.json().get("account_number").asText()).isEqualTo(p.accountNumber());
            assertThat(gm.json().at("/grid/0")).isEqualTo(j.get("reels"));
            assertThat(hundredths(gm.json().get("win_amount"))).isEqualTo(win);
            assertThat(api.get("/api/admin/casino/spins/" + j.get("spin_id").asLong(), p.token())
                            .status())
                    .isEqualTo(403);
        }

        @Test
        @DisplayName("with an Idempotency-Key is settled once and replayed on retry")
        void idempotent() {
            Api.Session p = api.player("idem");
            Api.Res first = api.post(
                    "/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}", "Idempotency-Key", "spin-1");
            CasinoFixture.State after = db.state(p);
            Api.Res again = api.post(
                    "/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}", "Idempotency-Key", "spin-1");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json()).isEqualTo(first.json());
            assertThat(db.state(p)).isEqualTo(after);
            assertThat(api.post(
                                    "/api/v1/casino/glitch-grid/spin",
                                    p.token(),
                                    "{\"bet_amount\": 20}",
                                    "Idempotency-Key",
                                    "spin-1")
                            .status())
                    .isEqualTo(422);
        }
    }

    @Nested
    @DisplayName("Bad bets are a 400 and move nothing")
    class BadBets {
        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"bet_amount\": 0}",
                    "{\"bet_amount\": -10}",
                    "{\"bet_amount\": 10.5}",
                    "{\"bet_amount\": 10.001}",
                    "{\"bet_amount\": 1010}",
                    "{\"bet_amount\": 15}",
                    "{\"bet_amount\": \"ten\"}",
                    "{\"bet_amount\": null}",
                    "{}",
                    "{\"bet_amount\": true}",
                    "{\"bet_amount\": [10]}",
                    "[]",
                    "not json",
                    "{\"bet_amount\": 1e2}"
                })
        @DisplayName("Glitch Grid")
        void glitch(String body) {
            Api.Session p = api.player("bad");
            CasinoFixture.State before = db.state(p);
            Api.Res r = api.post("/api/v1/casino/glitch-grid/spin", p.token(), body);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isNotBlank();
            assertThat(db.state(p)).isEqualTo(before);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"bet_amount\": 3}",
                    "{\"bet_amount\": 505}",
                    "{\"bet_amount\": 7.5}",
                    "{\"bet_amount\": 0}"
                })
        @DisplayName("Starlight Smuggler (per line, 5 to 500 in steps of 5)")
        void starlight(String body) {
            Api.Session p = api.player("bad");
            CasinoFixture.State before = db.state(p);
            Api.Res r = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), body);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isNotBlank();
            assertThat(db.state(p)).isEqualTo(before);
        }

        @Test
        @DisplayName("a bet above the player's balance is refused as insufficient funds")
        void poor() {
            Api.Session p = api.player("poor");
            CasinoFixture.State before = db.state(p);
            Api.Res r = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), "{\"bet_amount\": 500}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("Insufficient funds");
            assertThat(db.state(p)).isEqualTo(before);
        }

        @Test
        @DisplayName("an unknown game is a 404")
        void unknown() {
            Api.Session p = api.player("bad");
            assertThat(api.post("/api/v1/casino/roulette/spin", p.token(), "{\"bet_amount\": 10}")
                            .status())
                    .isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("Starlight Smuggler")
    class Starlight {
        @Test
        @DisplayName("charges 9 line bets and answers with the grid, lines and free-spin state")
        void spin() {
            Api.Session p = api.player("star");
            long before = api.balance(p);
            Api.Res r = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), "{\"bet_amount\": 5}");
            assertThat(r.status()).isEqualTo(200);
            JsonNode j = r.json();
            assertThat(j.get("grid")).hasSize(3);
            assertThat(j.get("grid").get(0)).hasSize(5);
            assertThat(hundredths(j.get("total_bet"))).isEqualTo(4500);
            long win = hundredths(j.get("win_amount"));
            long lines = 0;
            for (JsonNode l : j.get("winning_lines")) {
                lines += hundredths(l.get("win"));
            }
            assertThat(lines).isLessThanOrEqualTo(win);
            assertThat(hundredths(j.get("balance"))).isEqualTo(before - 4500 + win);
            assertThat(j.get("was_free_spin").asBoolean()).isFalse();
        }

        @Test
        @DisplayName("awards 5 free spins on 3+ scatters, pays them at the triggering bet only, with no bet row")
        void freeSpins() {
            Api.Session p = api.player("free");
            api.get("/api/v1/casino/fairness", p.token());
            String seed = db.serverSeed(p);
            ReelSet set = GameMath.builtIn("starlight_smuggler").set(96);
            var machine = GameMath.builtIn("starlight_smuggler").machine();
            String client = null;
            for (int i = 0; client == null; i++) {
                String c = "hunt-" + i;
                if (machine.triggersFreeSpins(machine.scatters(ProvablyFair.stops(seed, c, 0, set)))) {
                    client = c;
                }
            }
            assertThat(api.put("/api/v1/casino/fairness", p.token(), "{\"client_seed\": \"" + client + "\"}")
                            .status())
                    .isEqualTo(200);
            Api.Res trigger = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), "{\"bet_amount\": 10}");
            assertThat(trigger.json().get("scatter_count").asInt()).isGreaterThanOrEqualTo(3);
            assertThat(trigger.json().get("bonus_spins_awarded").asInt()).isEqualTo(5);
            assertThat(trigger.json().get("free_spins_remaining").asInt()).isEqualTo(5);
            assertThat(api.get("/api/v1/account", p.token())
                            .json()
                            .at("/account/free_spins")
                            .asInt())
                    .isEqualTo(5);

            CasinoFixture.State before = db.state(p);
            Api.Res other = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), "{\"bet_amount\": 500}");
            assertThat(other.status()).isEqualTo(400);
            assertThat(other.json().get("error").asText()).contains("free spins");
            assertThat(db.state(p)).isEqualTo(before);

            long balance = api.balance(p);
            long journal = db.count("transactions");
            Api.Res free = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), "{\"bet_amount\": 10}");
            assertThat(free.status()).isEqualTo(200);
            assertThat(free.json().get("was_free_spin").asBoolean()).isTrue();
            long win = hundredths(free.json().get("win_amount"));
            assertThat(api.balance(p)).isEqualTo(balance + win);
            assertThat(db.count("transactions")).isEqualTo(journal + (win > 0 ? 1 : 0));
            int left = free.json().get("free_spins_remaining").asInt();
            assertThat(left)
                    .isEqualTo(4 + free.json().get("bonus_spins_awarded").asInt());
        }
    }

    @Nested
    @DisplayName("Provable fairness")
    class Fairness {
        @Test
        @DisplayName("after a rotation the revealed seed reproduces every past spin exactly")
        void rotateAndVerify() {
            Api.Session p = api.player("fair");
            JsonNode committed = api.get("/api/v1/casino/fairness", p.token()).json();
            assertThat(committed.get("nonce").asLong()).isZero();
            assertThat(api.put("/api/v1/casino/fairness", p.token(), "{\"client_seed\": \"my-lucky-seed\"}")
                            .json()
                            .get("client_seed")
                            .asText())
                    .isEqualTo("my-lucky-seed");
            List<JsonNode> spins = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String route = i % 2 == 0 ? "glitch-grid" : "starlight-smuggler";
                Api.Res r = api.post("/api/v1/casino/" + route + "/spin", p.token(), "{\"bet_amount\": 10}");
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.json().get("nonce").asLong()).isEqualTo(i);
                assertThat(r.json().get("server_seed_hash").asText())
                        .isEqualTo(committed.get("server_seed_hash").asText());
                spins.add(r.json());
            }
            JsonNode rotated =
                    api.post("/api/v1/casino/fairness/rotate", p.token(), "").json();
            String revealed = rotated.get("revealed_server_seed").asText();
            assertThat(ProvablyFair.hash(revealed))
                    .isEqualTo(committed.get("server_seed_hash").asText());
            assertThat(rotated.get("server_seed_hash").asText())
                    .isNotEqualTo(committed.get("server_seed_hash").asText());
            assertThat(api.get("/api/v1/casino/fairness", p.token())
                            .json()
                            .get("nonce")
                            .asLong())
                    .isZero();

            for (int i = 0; i < spins.size(); i++) {
                JsonNode spin = spins.get(i);
                String game = i % 2 == 0 ? "glitch_grid" : "starlight_smuggler";
                GameMath math = GameMath.builtIn(game);
                int[] stops = ProvablyFair.stops(
                        revealed, "my-lucky-seed", spin.get("nonce").asLong(), math.set(96));
                var outcome = SpinOutcome.of(math.machine(), stops, city.neotropolis.neobank.money.Credits.of(10));
                assertThat(hundredths(spin.get("win_amount")))
                        .isEqualTo(outcome.win().hundredths());
                JsonNode shown = i % 2 == 0 ? spin.get("reels") : spin.get("grid");
                String expected = i % 2 == 0
                        ? outcome.grid().get(0).toString()
                        : outcome.grid().toString();
                assertThat(shown.toString().replace("\"", "").replace(",", ", "))
                        .isEqualTo(expected);
                JsonNode own = api.get(
                                "/api/v1/casino/spins/" + spin.get("spin_id").asLong(), p.token())
                        .json();
                assertThat(own.get("server_seed").asText()).isEqualTo(revealed);
                assertThat(own.get("verified").asBoolean()).isTrue();
            }
            JsonNode reels = api.get("/api/v1/casino/games/starlight_smuggler/reels?payout=96", p.token())
                    .json();
            ReelSet set = GameMath.builtIn("starlight_smuggler").set(96);
            for (int r = 0; r < set.reels(); r++) {
                List<Long> published = new ArrayList<>();
                reels.at("/reels/" + r + "/weights").forEach(w -> published.add(w.asLong()));
                assertThat(published)
                        .as("published weights of reel %d", r + 1)
                        .containsExactly(
                                java.util.Arrays.stream(set.weights(r)).boxed().toArray(Long[]::new));
            }
            Api.Session other = api.player("snoop");
            assertThat(api.get(
                                    "/api/v1/casino/spins/"
                                            + spins.get(0).get("spin_id").asLong(),
                                    other.token())
                            .status())
                    .isEqualTo(404);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"client_seed\": \"\"}",
                    "{\"client_seed\": \"a:b\"}",
                    "{\"client_seed\": \"a b\"}",
                    "{\"client_seed\": 12}",
                    "{}"
                })
        @DisplayName("a client seed that is empty, has ':' or spaces, or is not a string is a 400")
        void badClientSeed(String body) {
            Api.Session p = api.player("seed");
            assertThat(api.put("/api/v1/casino/fairness", p.token(), body).status())
                    .isEqualTo(400);
        }
    }

    @Nested
    @DisplayName("The GM's controls")
    class Controls {
        @Test
        @DisplayName("change the payout setting and limits, audited; the PAR sheet is exact; players get 403")
        void config() {
            Api.Session gm = api.gm();
            Api.Res put = api.put(
                    "/api/admin/casino/config/glitch_grid",
                    gm.token(),
                    "{\"payout_percentage\": 88, \"min_bet\": 20, \"max_bet\": 500}");
            assertThat(put.status()).isEqualTo(200);
            assertThat(put.json().at("/config/payout_percentage").asInt()).isEqualTo(88);
            assertThat(put.json().at("/config/rtp").asDouble()).isBetween(87.95, 88.05);
            JsonNode games =
                    api.get("/api/admin/casino/config", gm.token()).json().get("games");
            assertThat(games.get(0).get("min_bet").asInt()).isEqualTo(20);
            long audited = db.db()
                    .reads()
                    .withHandle(h -> h.createQuery(
                                    "SELECT COUNT(*) FROM audit_log WHERE action = 'casino_config' AND target = 'glitch_grid'")
                            .mapTo(Long.class)
                            .one());
            assertThat(audited).isPositive();

            Api.Session p = api.player("limits");
            assertThat(api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}")
                            .status())
                    .isEqualTo(400);
            assertThat(api.put("/api/admin/casino/config/glitch_grid", p.token(), "{\"is_enabled\": false}")
                            .status())
                    .isEqualTo(403);

            JsonNode par = api.get("/api/admin/casino/par/starlight_smuggler?payout=73", gm.token())
                    .json();
            assertThat(par.get("rtp").asDouble()).isBetween(72.95, 73.05);
            assertThat(par.get("hit_frequency").asDouble()).isPositive();
            assertThat(par.get("std_dev").asDouble()).isPositive();
            assertThat(par.get("volatility_index").asDouble()).isPositive();
            assertThat(par.get("top_award_odds").asDouble()).isGreaterThan(1);
            assertThat(api.get("/api/admin/casino/par/starlight_smuggler?payout=121", gm.token())
                            .status())
                    .isEqualTo(400);
            assertThat(api.get("/api/admin/casino/par/starlight_smuggler", p.token())
                            .status())
                    .isEqualTo(403);

            api.put(
                    "/api/admin/casino/config/glitch_grid",
                    gm.token(),
                    "{\"payout_percentage\": 96, \"min_bet\": 10, \"max_bet\": 1000}");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(
                strings = {
                    "{\"payout_percentage\": 49}",
                    "{\"payout_percentage\": 121}",
                    "{\"payout_percentage\": 96.5}",
                    "{\"payout_percentage\": \"96\"}",
                    "{\"min_bet\": 15}",
                    "{\"max_bet\": 0}",
                    "{\"min_bet\": 1000, \"max_bet\": 500}",
                    "{\"is_enabled\": \"yes\"}"
                })
        @DisplayName("refuse settings out of range with a 400 and change nothing")
        void badConfig(String body) {
            Api.Session gm = api.gm();
            JsonNode before = api.get("/api/admin/casino/config", gm.token()).json();
            Api.Res r = api.put("/api/admin/casino/config/glitch_grid", gm.token(), body);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isNotBlank();
            assertThat(api.get("/api/admin/casino/config", gm.token()).json()).isEqualTo(before);
        }

        @Test
        @DisplayName("a closed game refuses spins and moves nothing")
        void closed() {
            Api.Session gm = api.gm();
            api.put("/api/admin/casino/config/starlight_smuggler", gm.token(), "{\"is_enabled\": false}");
            try {
                Api.Session p = api.player("closed");
                CasinoFixture.State before = db.state(p);
                Api.Res r = api.post("/api/v1/casino/starlight-smuggler/spin", p.token(), "{\"bet_amount\": 5}");
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).contains("closed");
                assertThat(db.state(p)).isEqualTo(before);
            } finally {
                api.put("/api/admin/casino/config/starlight_smuggler", gm.token(), "{\"is_enabled\": true}");
            }
        }
    }
}
