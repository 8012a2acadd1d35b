package city.neotropolis.neobank.admin;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10: any player could name themselves a member and collect the next grant, and "Chrome
 * Saints" and "chrome saints" were two factions. Now a faction is one key, and a GM decides who
 * is a member.
 */
@DisplayName("Factions and who is a member")
class FactionMembershipTest {

    abstract static class Checks {
        abstract DropwizardAppExtension<NeoBankConfiguration> app();

        static String json(String field, String value) {
            var o = JsonNodeFactory.instance.objectNode();
            o.put(field, value);
            return o.toString();
        }

        static String tag() {
            return Long.toString(System.nanoTime() % 10_000_000, 36).replaceAll("[0-9]", "x");
        }

        @Test
        @DisplayName("one faction whatever the case, width or invisible characters; the refusal names the existing one")
        void oneKey() {
            Api api = TestApp.api(app());
            String gm = api.gm().token();
            String name = "Chrome Saints " + tag();
            assertThat(api.post("/api/admin/factions/create", gm, json("name", name))
                            .status())
                    .isEqualTo(201);
            for (String again : List.of(
                    name.toLowerCase(java.util.Locale.ROOT),
                    name.toUpperCase(java.util.Locale.ROOT),
                    "Ｃhrome" + name.substring("Chrome".length()))) {
                Api.Res r = api.post("/api/admin/factions/create", gm, json("name", again));
                assertThat(r.status()).as(again + ": " + r.body()).isEqualTo(409);
                assertThat(r.json().get("error").asText()).contains("\"" + name + "\"");
            }
            Api.Res hidden =
                    api.post("/api/admin/factions/create", gm, json("name", "Chrome\u200B" + name.substring(6)));
            assertThat(hidden.status()).isEqualTo(400);
            assertThat(hidden.json().get("error").asText()).contains("invisible");
            JsonNode list = api.get("/api/admin/factions/list", gm).json().get("factions");
            assertThat(StreamSupport.stream(list.spliterator(), false)
                            .filter(f -> f.get("faction").asText().equalsIgnoreCase(name)))
                    .hasSize(1);
        }

        @Test
        @DisplayName("a self-declared member gets nothing from a grant; once a GM confirms, the grant pays them")
        void gmDecides() {
            Api api = TestApp.api(app());
            String gm = api.gm().token();
            String faction = "Neon Jackals " + tag();
            assertThat(api.post("/api/admin/factions/create", gm, json("name", faction))
                            .status())
                    .isEqualTo(201);

            // Names the faction at sign-up and in the profile, as the original allowed.
            var reg = JsonNodeFactory.instance.objectNode();
            String who = Api.uniqueName("jackal");
            reg.put("character_name", who);
            reg.put("password", "password1");
            reg.put("faction", faction);
            Api.Res r = api.post("/api/v1/auth/register", null, reg.toString());
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().at("/user/faction").asText())
                    .as("asking is not joining")
                    .isEmpty();
            Api.Session p = api.login(who, "password1");
            Api.Res self = api.put("/api/v1/account/profile", p.token(), json("faction", faction));
            assertThat(self.status()).isEqualTo(403);
            assertThat(self.json().get("error").asText()).contains("GM").contains("faction_request");
            assertThat(api.get("/api/v1/account", p.token())
                            .json()
                            .at("/account/faction")
                            .asText())
                    .isEmpty();

            Api.Res grant = api.post(
                    "/api/admin/factions/" + faction.replace(" ", "%20") + "/add-credits",
                    gm,
                    "{\"amount\":50,\"reason\":\"payday\"}");
            assertThat(grant.status()).as(grant.body()).isEqualTo(400);
            assertThat(grant.json().get("error").asText()).contains("no members");
            assertThat(api.balance(p)).isEqualTo(100000);

            Api.Res ask = api.put("/api/v1/account/profile", p.token(), json("faction_request", faction));
            assertThat(ask.status()).isEqualTo(200);
            assertThat(ask.json().get("message").asText())
                    .contains("asked to join")
                    .contains("GM");
            JsonNode pending =
                    api.get("/api/admin/factions/requests", gm).json().get("requests");
            assertThat(StreamSupport.stream(pending.spliterator(), false)
                            .filter(q -> q.get("account_number").asText().equals(p.accountNumber())))
                    .singleElement()
                    .satisfies(q -> assertThat(q.get("requested").asText()).isEqualTo(faction));

            Api.Res confirm = api.put(
                    "/api/admin/factions/members/" + p.accountNumber(),
                    gm,
                    json("faction", faction.toUpperCase(java.util.Locale.ROOT)));
            assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
            assertThat(confirm.json().at("/member/faction").asText())
                    .as("stored in the faction's one spelling")
                    .isEqualTo(faction);
            assertThat(api.get("/api/admin/factions/requests", gm).json().toString())
                    .doesNotContain(p.accountNumber());

            Api.Res paid = api.post(
                    "/api/admin/factions/"
                            + faction.toLowerCase(java.util.Locale.ROOT).replace(" ", "%20") + "/add-credits",
                    gm,
                    "{\"amount\":50,\"reason\":\"payday\"}");
            assertThat(paid.status()).as(paid.body()).isEqualTo(200);
            assertThat(paid.json().get("affected_users").asInt()).isEqualTo(1);
            assertThat(api.balance(p)).isEqualTo(100000 + 5000);
            Api.Res same = api.put("/api/v1/account/profile", p.token(), json("faction", faction));
            assertThat(same.status()).as("echoing the current faction is fine").isEqualTo(200);
        }

        @Test
        @DisplayName("a GM can turn a request down; the route answers 404 when nothing is pending")
        void reject() {
            Api api = TestApp.api(app());
            String gm = api.gm().token();
            Api.Session p = api.player("asker");
            assertThat(api.put("/api/v1/account/profile", p.token(), json("faction_request", "Ghosts " + tag()))
                            .status())
                    .isEqualTo(200);
            assertThat(api.delete("/api/admin/factions/requests/" + p.accountNumber(), gm)
                            .status())
                    .isEqualTo(200);
            assertThat(api.delete("/api/admin/factions/requests/" + p.accountNumber(), gm)
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v1/account", p.token())
                            .json()
                            .at("/account/faction")
                            .asText())
                    .isEmpty();
        }

        @Test
        @DisplayName("six GMs creating one faction at once in different cases: one 201, the rest 409")
        void concurrentCreate() throws Exception {
            Api api = TestApp.api(app());
            String gm = api.gm().token();
            String name = "Race Crew " + tag();
            List<String> spellings = List.of(
                    name,
                    name.toLowerCase(java.util.Locale.ROOT),
                    name.toUpperCase(java.util.Locale.ROOT),
                    "race Crew" + name.substring(9),
                    "RACE crew" + name.substring(9),
                    "Ｒace Crew" + name.substring(9));
            ExecutorService pool = Executors.newFixedThreadPool(spellings.size());
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<Api.Res>> all = new ArrayList<>();
                for (String s : spellings) {
                    all.add(pool.submit(() -> {
                        go.await();
                        return api.post("/api/admin/factions/create", gm, json("name", s));
                    }));
                }
                go.countDown();
                int created = 0;
                for (Future<Api.Res> f : all) {
                    Api.Res r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.status()).as(r.body()).isIn(201, 409);
                    created += r.status() == 201 ? 1 : 0;
                }
                assertThat(created).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite extends Checks {
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
    class OnPostgres extends Checks {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }
}
