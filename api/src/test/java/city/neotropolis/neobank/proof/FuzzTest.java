package city.neotropolis.neobank.proof;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * At least 1,000 hostile requests across every route: each answer is a 4xx JSON error or a correct
 * 2xx, never a 5xx, and a refused request leaves balances, journal and accounts exactly as they were.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Fuzzing every route with hostile input (SQLite)")
class FuzzTest {
    DropwizardAppExtension<NeoBankConfiguration> app;

    /** The service under test; {@link FuzzPostgresTest} fuzzes the same routes on PostgreSQL. */
    DropwizardAppExtension<NeoBankConfiguration> newApp() {
        return TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));
    }

    @BeforeAll
    void start() throws Throwable {
        app = newApp();
        app.before();
    }

    @AfterAll
    void stop() {
        app.after();
    }

    static final long SEED = Long.getLong("fuzz.seed", 20261126L);

    /** Everything a refused request must leave untouched. */
    record Books(long accounts, long journal, String state) {}

    static Books books(Database db) {
        return db.snapshot(h -> new Books(
                h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one(),
                h.createQuery("SELECT COUNT(*) FROM transactions")
                        .mapTo(Long.class)
                        .one(),
                String.join(
                        ",",
                        h.createQuery("SELECT account_number || ':' || balance || ':' || frozen || ':' "
                                        + "|| is_admin || ':' || token_version || ':' || faction || ':' || profile_picture "
                                        + "|| ':' || COALESCE(password_hash, '') || ':' || faction_request || ':' "
                                        + "|| COALESCE(name_skeleton, '') FROM accounts ORDER BY id")
                                .mapTo(String.class)
                                .list())));
    }

    static List<HostileCorpus.Route> routes(Api.Session me, Api.Session other, Api.Session gm, String key) {
        List<HostileCorpus.Route> routes = new ArrayList<>(List.of(
                new HostileCorpus.Route(
                        "POST",
                        "/api/v1/auth/register",
                        null,
                        Map.of("character_name", "Fuzzy Rider", "password", "password1", "faction", "Glitch"),
                        60),
                new HostileCorpus.Route(
                        "POST",
                        "/api/v1/auth/login",
                        null,
                        Map.of("character_name", me.name(), "password", "wrong-password"),
                        60),
                new HostileCorpus.Route(
                        "POST",
                        "/api/v1/transactions",
                        me.token(),
                        Map.of("to_account", other.accountNumber(), "amount", 1.25, "memo", "fuzz"),
                        200),
                new HostileCorpus.Route(
                        "PUT",
                        "/api/v1/account/profile",
                        me.token(),
                        Map.of("faction_request", "Runners", "profile_picture", "https://img.example/a.png"),
                        120),
                new HostileCorpus.Route(
                        "PUT",
                        "/api/admin/factions/members/" + other.accountNumber(),
                        gm.token(),
                        Map.of("faction", "Fuzzers"),
                        60),
                new HostileCorpus.Route("GET", "/api/v1/auth/registration", null, Map.of(), 20),
                new HostileCorpus.Route("GET", "/api/admin/factions/requests", gm.token(), Map.of(), 20),
                new HostileCorpus.Route(
                        "PUT",
                        "/api/v1/account/password",
                        me.token(),
                        Map.of("current_password", "wrong-password", "new_password", "password2"),
                        100),
                new HostileCorpus.Route("GET", "/api/v1/account", me.token(), Map.of(), 80),
                new HostileCorpus.Route("GET", "/api/v1/account/transactions", me.token(), Map.of(), 120),
                new HostileCorpus.Route("GET", "/api/v1/account/transactions/search?q=fuzz", me.token(), Map.of(), 120),
                new HostileCorpus.Route("GET", "/api/v1/accounts/" + other.accountNumber(), me.token(), Map.of(), 100),
                new HostileCorpus.Route("GET", "/health", null, Map.of(), 40),
                new HostileCorpus.Route(
                        "POST", "/api/v1/casino/glitch-grid/spin", me.token(), Map.of("bet_amount", 10), 80),
                new HostileCorpus.Route(
                        "POST", "/api/v1/casino/starlight-smuggler/spin", me.token(), Map.of("bet_amount", 5), 60),
                new HostileCorpus.Route(
                        "PUT", "/api/v1/casino/fairness", me.token(), Map.of("client_seed", "lucky"), 40),
                new HostileCorpus.Route(
                        "PUT",
                        "/api/v1/account/pin",
                        me.token(),
                        Map.of("pin", "1234", "current_password", "wrong-password"),
                        40),
                // The legacy way: the terminal key inside the body, so mutations can break it too.
                new HostileCorpus.Route(
                        "POST",
                        "/api/v1/external/transactions",
                        null,
                        Map.of(
                                "api_key",
                                key,
                                "from_account",
                                other.accountNumber(),
                                "to_account",
                                me.accountNumber(),
                                "amount",
                                0.5,
                                "memo",
                                "stall"),
                        100),
                new HostileCorpus.Route(
                        "POST",
                        "/api/admin/users/" + other.accountNumber() + "/adjust-balance",
                        gm.token(),
                        Map.of("amount", 5, "reason", "fuzz"),
                        80),
                new HostileCorpus.Route(
                        "POST",
                        "/api/admin/users",
                        gm.token(),
                        Map.of("character_name", "Fuzz NPC", "faction", "Vendors", "balance", 10),
                        60),
                new HostileCorpus.Route(
                        "POST",
                        "/api/admin/factions/create",
                        gm.token(),
                        Map.of("name", "Fuzzers", "description", "x"),
                        40),
                new HostileCorpus.Route(
                        "POST",
                        "/api/admin/factions/Fuzzers/add-credits",
                        gm.token(),
                        Map.of("amount", 1, "reason", "fuzz"),
                        40),
                new HostileCorpus.Route(
                        "PUT",
                        "/api/admin/casino/config/glitch_grid",
                        gm.token(),
                        Map.of("is_enabled", true, "payout_percentage", 96, "min_bet", 10, "max_bet", 1000),
                        60),
                new HostileCorpus.Route(
                        "POST",
                        "/api/admin/api-keys",
                        gm.token(),
                        Map.of(
                                "description",
                                "fuzz",
                                "account_number",
                                me.accountNumber(),
                                "scopes",
                                List.of("balance:read")),
                        60),
                new HostileCorpus.Route("GET", "/api/admin/users/search?q=fuzz", gm.token(), Map.of(), 40),
                new HostileCorpus.Route("GET", "/api/admin/transactions?limit=5", gm.token(), Map.of(), 40)));
        return routes;
    }

    /** Issue 13's routes, each with something real to act on. */
    static List<HostileCorpus.Route> economyRoutes(Api.Session other, Api.Session gm, Api api) {
        Api.Res grant = api.post(
                "/api/admin/users/" + other.accountNumber() + "/adjust-balance",
                gm.token(),
                "{\"amount\":2,\"reason\":\"to reverse\"}");
        assertThat(grant.status()).as(grant.body()).isEqualTo(200);
        List<HostileCorpus.Route> routes = new ArrayList<>();
        routes.add(new HostileCorpus.Route(
                "POST",
                "/api/admin/transactions/" + grant.json().at("/transaction/id").asLong() + "/reverse",
                gm.token(),
                Map.of("reason", "fuzz"),
                60));
        Map<String, Object> stipend = Map.of(
                "name",
                "Fuzz pay",
                "amount",
                3,
                "recipients",
                "faction",
                "faction",
                "Fuzzers",
                "schedule",
                "daily",
                "time",
                "18:00",
                "from",
                "2099-01-01",
                "until",
                "2099-01-03",
                "catch_up",
                "skip");
        routes.add(new HostileCorpus.Route("POST", "/api/admin/stipends", gm.token(), stipend, 60));
        Api.Res made = api.post(
                "/api/admin/stipends",
                gm.token(),
                "{\"name\":\"Fuzz target\",\"amount\":1,"
                        + "\"recipients\":\"all\",\"schedule\":\"once\",\"at\":\"2099-01-01T10:00Z\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        routes.add(new HostileCorpus.Route(
                "PUT", "/api/admin/stipends/" + made.json().at("/stipend/id").asLong(), gm.token(), stipend, 40));
        routes.add(new HostileCorpus.Route("PUT", "/api/admin/leaderboards", gm.token(), Map.of("enabled", true), 40));
        routes.add(new HostileCorpus.Route(
                "PUT", "/api/v1/leaderboards/opt-out", other.token(), Map.of("opt_out", true), 40));
        routes.add(new HostileCorpus.Route("GET", "/api/v1/leaderboards", other.token(), Map.of(), 20));
        routes.addAll(paymentRequestRoutes(other, api));
        return routes;
    }

    /** Chips (issue 13): a tag of {@code other}'s, charged and enrolled by the fuzz key (sent as X-API-Key). */
    static List<HostileCorpus.Route> chipRoutes(Api.Session other, Api.Session gm, Api api) {
        String uid = "04:F0:22:33:44:55:66";
        Api.Res chip = api.post(
                "/api/admin/chips",
                gm.token(),
                "{\"uid\":\"" + uid + "\",\"account_number\":\"" + other.accountNumber() + "\"}");
        assertThat(chip.status()).as(chip.body()).isEqualTo(201);
        long id = chip.json().at("/chip/id").asLong();
        List<HostileCorpus.Route> routes = new ArrayList<>();
        routes.add(new HostileCorpus.Route(
                "POST", CHIP_TERMINAL + "/charge", null, Map.of("uid", uid, "amount", 0.5, "memo", "tap"), 80));
        routes.add(new HostileCorpus.Route(
                "POST",
                CHIP_TERMINAL,
                null,
                Map.of("uid", "04112233", "account_number", other.accountNumber(), "pin", "1234"),
                30));
        routes.add(new HostileCorpus.Route(
                "POST",
                "/api/admin/chips",
                gm.token(),
                Map.of("uid", "04:aa:bb:cc", "account_number", other.accountNumber(), "label", "Fuzz band"),
                40));
        routes.add(new HostileCorpus.Route(
                "PUT",
                "/api/admin/chips/" + id + "/limits",
                gm.token(),
                Map.of("per_charge_limit", 5, "per_day_limit", 90),
                30));
        routes.add(new HostileCorpus.Route("GET", "/api/v1/chips", other.token(), Map.of(), 20));
        routes.add(new HostileCorpus.Route("GET", "/api/admin/chips", gm.token(), Map.of(), 20));
        return routes;
    }

    static final String CHIP_TERMINAL = "/api/v1/external/chips";

    /** Payment requests: asked by {@code vendor}, read, paid and cancelled by a fresh payer. */
    static List<HostileCorpus.Route> paymentRequestRoutes(Api.Session vendor, Api api) {
        Api.Session payer = api.player("fuzzPayer");
        List<HostileCorpus.Route> routes = new ArrayList<>();
        routes.add(new HostileCorpus.Route(
                "POST",
                "/api/v1/requests",
                vendor.token(),
                Map.of("amount", 0.5, "memo", "Fuzz noodles", "expires_in_seconds", 300),
                80));
        String id = asked(api, vendor);
        routes.add(new HostileCorpus.Route("GET", "/api/v1/requests/" + id, payer.token(), Map.of(), 20));
        routes.add(new HostileCorpus.Route("POST", "/api/v1/requests/" + id + "/pay", payer.token(), Map.of(), 40));
        routes.add(new HostileCorpus.Route(
                "POST", "/api/v1/requests/" + asked(api, vendor) + "/cancel", vendor.token(), Map.of(), 20));
        routes.add(new HostileCorpus.Route("GET", "/api/v1/requests/" + id + "/qr.png?scale=2", null, Map.of(), 10));
        return routes;
    }

    private static String asked(Api api, Api.Session vendor) {
        Api.Res r = api.post("/api/v1/requests", vendor.token(), "{\"amount\":0.5,\"memo\":\"Fuzz target\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/request/id").asText();
    }

    @Test
    @DisplayName("gets only 4xx JSON errors or correct 2xx answers, and refusals change nothing")
    void hostile() {
        Api api = TestApp.api(app);
        Database db = app.<NeoBankApplication>getApplication().database();
        Api.Session me = api.player("fuzzer");
        Api.Session other = api.player("target");
        Api.Session gm = api.gm();
        Api.Res key = api.post(
                "/api/admin/api-keys",
                gm.token(),
                "{\"description\":\"fuzz stall\",\"account_number\":\"" + me.accountNumber()
                        + "\",\"scopes\":[\"charge\"],\"rate_limit_per_minute\":1000000}");
        assertThat(key.status()).as(key.body()).isEqualTo(201);
        List<HostileCorpus.Route> routes =
                routes(me, other, gm, key.json().at("/api_key/key_value").asText());
        routes.addAll(economyRoutes(other, gm, api));
        routes.addAll(chipRoutes(other, gm, api));
        List<HostileCorpus.Request> corpus = HostileCorpus.generate(routes, SEED);
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(1500);

        Map<Integer, Integer> statuses = new TreeMap<>();
        String previous = "nothing";
        for (HostileCorpus.Request req : corpus) {
            Books before = books(db);
            HttpRequest.Builder b = api.builder(req.path(), req.token()).header("Content-Type", req.contentType());
            if (req.path().startsWith(CHIP_TERMINAL)) {
                b.header("X-API-Key", key.json().at("/api_key/key_value").asText());
            }
            b.method(
                    req.method(),
                    req.method().equals("GET")
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(req.body(), StandardCharsets.UTF_8));
            Api.Res res;
            try {
                res = api.send(b);
            } catch (java.io.UncheckedIOException e) {
                throw new AssertionError(
                        "no answer to " + req + " " + req.method() + " " + req.path() + " after " + previous, e);
            }
            previous = req + " " + req.method() + " " + req.path() + " " + req.contentType() + " body "
                    + req.body().length() + " chars -> " + res.status() + " " + res.header("Connection");
            statuses.merge(res.status(), 1, Integer::sum);

            assertThat(res.status()).as(req + " -> " + res.body()).isBetween(200, 499);
            if (res.status() >= 400) {
                assertThat(res.json())
                        .as(req + " " + req.path() + " -> " + res.status() + " answers JSON: " + res.body())
                        .isNotNull();
                assertThat(res.json().path("error").asText()).as(req.toString()).isNotBlank();
                assertThat(books(db)).as(req + " changed nothing").isEqualTo(before);
            } else if (req.path().endsWith("/register")) {
                assertThat(res.json().at("/user/is_admin").asBoolean())
                        .as("no privilege by extra fields")
                        .isFalse();
                assertThat(res.json().at("/user/balance").decimalValue()).isEqualByComparingTo("1000");
            }
        }
        assertThat(new LedgerVerifier(db).verify().ok()).isTrue();
        assertThat(statuses.keySet())
                .as("both refusals and acceptances occur: " + statuses)
                .anyMatch(s -> s >= 400)
                .anyMatch(s -> s < 300);
        System.out.println("fuzz: " + corpus.size() + " hostile requests, statuses " + statuses + ", seed " + SEED);
    }
}
