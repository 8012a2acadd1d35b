package city.neotropolis.neobank.admin;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("GMs looking after accounts")
class AdminUsersTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

    static Api api;
    static Api.Session gm;

    @BeforeAll
    static void setUp() {
        api = TestApp.api(APP);
        gm = api.gm();
    }

    static long journalSize() {
        return api.get("/api/admin/ledger/verify", gm.token())
                .json()
                .get("transactions")
                .asLong();
    }

    static long hundredths(JsonNode n) {
        return n.decimalValue().movePointRight(2).longValueExact();
    }

    @Nested
    @DisplayName("finding a player")
    class Finding {
        @Test
        @DisplayName("by part of the name, any case, or by account number, and never a system account")
        void search() {
            Api.Session p = api.player("Searchable");
            JsonNode byName = api.get("/api/admin/users/search?q=SEARCHAB", gm.token())
                    .json()
                    .get("users");
            assertThat(byName).extracting(u -> u.get("account_number").asText()).contains(p.accountNumber());
            JsonNode byNumber = api.get(
                            "/api/admin/users/search?q="
                                    + p.accountNumber().substring(3).toLowerCase(),
                            gm.token())
                    .json()
                    .get("users");
            assertThat(byNumber).hasSize(1);
            assertThat(byNumber.get(0).get("character_name").asText()).isEqualTo(p.name());
            assertThat(api.get("/api/admin/users/search?q=NC-SYST", gm.token())
                            .json()
                            .get("users"))
                    .isEmpty();
            assertThat(api.get("/api/admin/users/search?q=%25", gm.token())
                            .json()
                            .get("users"))
                    .isEmpty();
        }

        @Test
        @DisplayName("with details: the user and what they sent and received; 404 for nobody")
        void details() {
            Api.Session a = api.player("detA");
            Api.Session b = api.player("detB");
            api.post(
                    "/api/v1/transactions",
                    a.token(),
                    "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":12.5}");
            JsonNode d =
                    api.get("/api/admin/users/" + a.accountNumber(), gm.token()).json();
            assertThat(d.at("/user/character_name").asText()).isEqualTo(a.name());
            assertThat(hundredths(d.get("total_sent"))).isEqualTo(1250);
            assertThat(hundredths(d.get("total_received"))).isEqualTo(100000);
            Api.Res missing = api.get("/api/admin/users/NC-ZZZZ-ZZZZ", gm.token());
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("User not found");
            assertThat(api.get("/api/admin/users/NC-SYST-EM00", gm.token()).status())
                    .isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("adjusting a balance through the mint")
    class Adjusting {
        @Test
        @DisplayName("adds and removes credits with the reason as memo, as admin_adjustment rows")
        void plusAndMinus() {
            Api.Session p = api.player("adj");
            String path = "/api/admin/users/" + p.accountNumber() + "/adjust-balance";
            Api.Res plus = api.post(path, gm.token(), "{\"amount\":50.25,\"reason\":\"quest reward\"}");
            assertThat(plus.status()).as(plus.body()).isEqualTo(200);
            assertThat(plus.json().at("/transaction/type").asText()).isEqualTo("admin_adjustment");
            assertThat(plus.json().at("/transaction/memo").asText()).isEqualTo("quest reward");
            assertThat(plus.json().at("/transaction/from_account").asText()).isEqualTo("NC-SYST-EM00");
            Api.Res minus = api.post(path, gm.token(), "{\"amount\":\"-30\",\"reason\":\"fine\"}");
            assertThat(minus.status()).as(minus.body()).isEqualTo(200);
            assertThat(minus.json().at("/transaction/to_account").asText()).isEqualTo("NC-SYST-EM00");
            assertThat(api.balance(p)).isEqualTo(100000 + 5025 - 3000);
            assertThat(api.get("/api/admin/ledger/verify", gm.token())
                            .json()
                            .get("ok")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        @DisplayName("refuses a missing reason, zero, too much to take, and changes nothing")
        void refusals() {
            Api.Session p = api.player("adjBad");
            String path = "/api/admin/users/" + p.accountNumber() + "/adjust-balance";
            long journal = journalSize();
            for (String body : List.of(
                    "{\"amount\":5}",
                    "{\"amount\":5,\"reason\":\"  \"}",
                    "{\"amount\":0,\"reason\":\"x\"}",
                    "{\"amount\":-1000.01,\"reason\":\"too much\"}",
                    "{\"amount\":1.001,\"reason\":\"x\"}",
                    "{\"amount\":\"abc\",\"reason\":\"x\"}")) {
                Api.Res r = api.post(path, gm.token(), body);
                assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).isNotBlank();
            }
            assertThat(api.balance(p)).isEqualTo(100000);
            assertThat(journalSize()).isEqualTo(journal);
        }

        @Test
        @DisplayName("replays a retry with the same Idempotency-Key instead of paying twice")
        void idempotent() {
            Api.Session p = api.player("adjIdem");
            String path = "/api/admin/users/" + p.accountNumber() + "/adjust-balance";
            String body = "{\"amount\":7,\"reason\":\"refund\"}";
            Api.Res first = api.post(path, gm.token(), body, "Idempotency-Key", "adj-1");
            Api.Res again = api.post(path, gm.token(), body, "Idempotency-Key", "adj-1");
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().at("/transaction/id"))
                    .isEqualTo(first.json().at("/transaction/id"));
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(api.balance(p)).isEqualTo(100700);
        }
    }

    @Nested
    @DisplayName("freezing")
    class Freezing {
        @Test
        @DisplayName("stops the player's token at once, their login, their payments and payments to them")
        void freeze() {
            Api.Session p = api.player("frozen");
            Api.Session other = api.player("payer");
            Api.Res f = api.post(
                    "/api/admin/users/" + p.accountNumber() + "/freeze",
                    gm.token(),
                    "{\"reason\":\"suspected duplicate character\"}");
            assertThat(f.status()).as(f.body()).isEqualTo(200);
            assertThat(f.json().at("/user/is_frozen").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/account", p.token()).status()).isEqualTo(401);
            assertThat(api.post(
                                    "/api/v1/auth/login",
                                    null,
                                    "{\"character_name\":\"" + p.name() + "\",\"password\":\"password1\"}")
                            .status())
                    .isEqualTo(403);
            Api.Res pay = api.post(
                    "/api/v1/transactions",
                    other.token(),
                    "{\"to_account\":\"" + p.accountNumber() + "\",\"amount\":1}");
            assertThat(pay.status()).isEqualTo(400);
            assertThat(api.balance(other)).isEqualTo(100000);

            Api.Res u = api.post("/api/admin/users/" + p.accountNumber() + "/unfreeze", gm.token(), "{}");
            assertThat(u.json().at("/user/is_frozen").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/account", p.token()).status())
                    .as("old tokens stay dead")
                    .isEqualTo(401);
            Api.Session back = api.login(p.name(), "password1");
            assertThat(api.balance(back)).isEqualTo(100000);
        }

        @Test
        @DisplayName("is refused on yourself")
        void notYourself() {
            Api.Session me = api.gm();
            Api.Res r = api.post("/api/admin/users/" + me.accountNumber() + "/freeze", me.token(), "{}");
            assertThat(r.status()).isEqualTo(403);
            assertThat(api.get("/api/v1/account", me.token()).status()).isEqualTo(200);
        }
    }

    @Nested
    @DisplayName("GM rights and passwords")
    class Rights {
        @Test
        @DisplayName("toggle-admin grants and removes GM rights, and removal kills the old token; never on yourself")
        void toggle() {
            Api.Session p = api.player("promoted");
            Api.Res grant = api.post("/api/admin/users/" + p.accountNumber() + "/toggle-admin", gm.token(), "{}");
            assertThat(grant.json().at("/user/is_admin").asBoolean()).isTrue();
            assertThat(api.get("/api/admin/stats", p.token()).status()).isEqualTo(200);
            Api.Res revoke = api.post("/api/admin/users/" + p.accountNumber() + "/toggle-admin", gm.token(), "{}");
            assertThat(revoke.json().at("/user/is_admin").asBoolean()).isFalse();
            assertThat(api.get("/api/admin/stats", p.token()).status()).isEqualTo(401);
            Api.Session again = api.login(p.name(), "password1");
            assertThat(api.get("/api/admin/stats", again.token()).status()).isEqualTo(403);

            Api.Res self = api.post("/api/admin/users/" + gm.accountNumber() + "/toggle-admin", gm.token(), "{}");
            assertThat(self.status()).isEqualTo(403);
            assertThat(api.get("/api/admin/stats", gm.token()).status()).isEqualTo(200);
        }

        @Test
        @DisplayName("reset-password signs the player out and lets them in with the new one only")
        void reset() {
            Api.Session p = api.player("forgetful");
            Api.Res r = api.post(
                    "/api/admin/users/" + p.accountNumber() + "/reset-password",
                    gm.token(),
                    "{\"new_password\":\"brand-new-pass\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("message").asText()).isNotBlank();
            assertThat(api.get("/api/v1/account", p.token()).status()).isEqualTo(401);
            assertThat(api.post(
                                    "/api/v1/auth/login",
                                    null,
                                    "{\"character_name\":\"" + p.name() + "\",\"password\":\"password1\"}")
                            .status())
                    .isEqualTo(401);
            assertThat(api.login(p.name(), "brand-new-pass").token()).isNotBlank();
            assertThat(api.post(
                                    "/api/admin/users/" + p.accountNumber() + "/reset-password",
                                    gm.token(),
                                    "{\"new_password\":\"short\"}")
                            .status())
                    .isEqualTo(400);
        }
    }

    @Nested
    @DisplayName("creating NPCs and vendors")
    class Creating {
        @Test
        @DisplayName("with a chosen balance and faction; without a password nobody can log in as them")
        void npc() {
            String name = Api.uniqueName("Vendor");
            Api.Res r = api.post(
                    "/api/admin/users",
                    gm.token(),
                    "{\"character_name\":\"" + name + "\",\"faction\":\"Merchants\",\"balance\":250.5}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(hundredths(r.json().at("/user/balance"))).isEqualTo(25050);
            assertThat(r.json().at("/user/faction").asText()).isEqualTo("Merchants");
            assertThat(api.post("/api/v1/auth/login", null, "{\"character_name\":\"" + name + "\",\"password\":\"\"}")
                            .status())
                    .isEqualTo(401);
            Api.Res dup =
                    api.post("/api/admin/users", gm.token(), "{\"character_name\":\"" + name.toUpperCase() + "\"}");
            assertThat(dup.status()).isEqualTo(400);
            assertThat(api.post("/api/admin/users", gm.token(), "{\"character_name\":\"x" + name + "\",\"balance\":-1}")
                            .status())
                    .isEqualTo(400);
        }
    }

    @Nested
    @DisplayName("reading the journal")
    class Journal {
        @Test
        @DisplayName("newest first with limit and offset, for one account, and after an id oldest first")
        void paging() {
            Api.Session a = api.player("jrnA");
            Api.Session b = api.player("jrnB");
            List<Long> ids = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                ids.add(api.post(
                                "/api/v1/transactions",
                                a.token(),
                                "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":" + i + "}")
                        .json()
                        .at("/transaction/id")
                        .asLong());
            }
            JsonNode page = api.get("/api/admin/transactions?limit=2&offset=1&account=" + a.accountNumber(), gm.token())
                    .json();
            assertThat(page.get("limit").asInt()).isEqualTo(2);
            assertThat(page.get("offset").asInt()).isEqualTo(1);
            assertThat(page.get("transactions"))
                    .extracting(t -> t.get("id").asLong())
                    .containsExactly(ids.get(1), ids.get(0));
            JsonNode after = api.get(
                            "/api/admin/transactions?after_id=" + ids.get(0) + "&account=" + b.accountNumber(),
                            gm.token())
                    .json();
            assertThat(after.get("transactions"))
                    .extracting(t -> t.get("id").asLong())
                    .containsExactly(ids.get(1), ids.get(2));
            assertThat(api.get("/api/admin/transactions?limit=0", gm.token()).status())
                    .isEqualTo(400);
            assertThat(api.get("/api/admin/transactions?offset=-1", gm.token()).status())
                    .isEqualTo(400);
            assertThat(api.get("/api/admin/transactions?account=NC-ZZZZ-ZZZZ", gm.token())
                            .status())
                    .isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("factions")
    class Factions {
        @Test
        @DisplayName("are created once, listed with member count and total, and granted credits one row per member")
        void grant() {
            String f = Api.uniqueName("Runners");
            Api.Res c = api.post(
                    "/api/admin/factions/create",
                    gm.token(),
                    "{\"name\":\"" + f + "\",\"description\":\"street crew\"}");
            assertThat(c.status()).as(c.body()).isEqualTo(201);
            assertThat(c.json().at("/faction/name").asText()).isEqualTo(f);
            assertThat(api.post("/api/admin/factions/create", gm.token(), "{\"name\":\"" + f.toLowerCase() + "\"}")
                            .status())
                    .isEqualTo(409);
            long journal = journalSize();
            Api.Res empty = api.post(
                    "/api/admin/factions/" + f + "/add-credits", gm.token(), "{\"amount\":10,\"reason\":\"payday\"}");
            assertThat(empty.status()).isEqualTo(400);
            assertThat(journalSize()).isEqualTo(journal);

            List<Api.Session> members = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Api.Session m = api.player("member");
                api.put("/api/admin/factions/members/" + m.accountNumber(), gm.token(), "{\"faction\":\"" + f + "\"}");
                members.add(m);
            }
            journal = journalSize();
            Api.Res g = api.post(
                    "/api/admin/factions/" + f + "/add-credits", gm.token(), "{\"amount\":10.5,\"reason\":\"payday\"}");
            assertThat(g.status()).as(g.body()).isEqualTo(200);
            assertThat(g.json().get("affected_users").asInt()).isEqualTo(3);
            assertThat(g.json().get("faction").asText()).isEqualTo(f);
            assertThat(journalSize()).isEqualTo(journal + 3);
            for (Api.Session m : members) {
                assertThat(api.balance(m)).isEqualTo(100000 + 1050);
                assertThat(api.get("/api/v1/account/transactions?limit=1", m.token())
                                .json()
                                .at("/transactions/0/type")
                                .asText())
                        .isEqualTo("faction_grant");
            }
            JsonNode row = null;
            for (JsonNode x :
                    api.get("/api/admin/factions/list", gm.token()).json().get("factions")) {
                if (x.get("faction").asText().equals(f)) {
                    row = x;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.get("user_count").asInt()).isEqualTo(3);
            assertThat(hundredths(row.get("total_balance"))).isEqualTo(3 * 101050);
            assertThat(row.get("description").asText()).isEqualTo("street crew");
        }
    }

    @Nested
    @DisplayName("the books")
    class Books {
        @Test
        @DisplayName("verify says ok with the money supply; stats agree and show activity and top balances")
        void verifyAndStats() {
            Api.Session a = api.player("statA");
            api.post("/api/v1/transactions", a.token(), "{\"to_account\":\"" + gm.accountNumber() + "\",\"amount\":1}");
            JsonNode v = api.get("/api/admin/ledger/verify", gm.token()).json();
            assertThat(v.get("ok").asBoolean()).isTrue();
            JsonNode s = api.get("/api/admin/stats", gm.token()).json();
            assertThat(s.get("money_supply")).isEqualTo(v.get("money_supply"));
            assertThat(s.get("active_players_last_hour").asLong()).isGreaterThanOrEqualTo(1);
            assertThat(s.get("casino").isArray()).isTrue();
            assertThat(s.get("top_balances").size()).isBetween(1, 10);
            assertThat(s.get("players").asLong()).isGreaterThanOrEqualTo(2);
        }

        @Test
        @DisplayName("a player who only logs in and looks at their balance counts as active")
        void activeByLogin() {
            long before = api.get("/api/admin/stats", gm.token())
                    .json()
                    .get("active_players_last_hour")
                    .asLong();
            Api.Session p = api.player("lurker");
            assertThat(api.balance(p)).isEqualTo(100000);
            JsonNode after = api.get("/api/admin/stats", gm.token()).json();
            assertThat(after.get("active_players_last_hour").asLong()).isEqualTo(before + 1);
        }

        @Test
        @DisplayName("the users export is CSV with the original columns, and defuses formulas in names")
        void export() {
            String name = "=HYPERLINK" + Api.uniqueName("x");
            api.post("/api/v1/auth/register", null, "{\"character_name\":\"" + name + "\",\"password\":\"password1\"}");
            Api.Res r = api.get("/api/admin/users/export", gm.token());
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("text/csv");
            assertThat(r.body()).startsWith("Character Name,Account Number,Balance,Faction,Is Admin,Created At\r\n");
            assertThat(r.body()).contains("'" + name + ",").doesNotContain("\n" + name);
            assertThat(r.body()).doesNotContain("NC-SYST-EM00");
        }
    }
}
