package city.neotropolis.neobank.web;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import city.neotropolis.neobank.support.Tokens4Tests;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transfers, spins and terminal charges answered before Jersey (DirectRoutes) give Jersey's own
 * answers. Each request is sent twice: as it is, and with a query string, which always goes to
 * Jersey; the two answers must match (status, every header but the date and request id, the body)
 * and the service's count says which path answered. Refusals leave nothing behind, so their
 * answers match byte for byte; successes match field for field, and a stored answer replayed
 * through both paths matches byte for byte.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The money routes, answered before Jersey")
class DirectRoutesTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
            ConfigOverride.config("rateLimits.transfersPerPlayer.requests", "80"),
            ConfigOverride.config("rateLimits.transfersPerPlayer.per", "1 minute"));
    static Api api;
    static Api.Session gm;

    @BeforeAll
    static void api() {
        api = TestApp.api(APP);
        gm = api.gm();
    }

    static long direct(DropwizardAppExtension<NeoBankConfiguration> app) {
        return ((NeoBankApplication) app.getApplication()).directRoutes().answeredDirectly();
    }

    /** The same request through both paths; {@code direct}: whether the first is answered before Jersey. */
    static Api.Res[] both(boolean direct, HttpRequest.Builder... twoOfIt) {
        long before = direct(APP);
        Api.Res first = api.send(twoOfIt[0]);
        assertThat(direct(APP) - before)
                .as("answered before Jersey: " + first.body())
                .isEqualTo(direct ? 1 : 0);
        Api.Res jersey = api.send(twoOfIt[1]);
        assertThat(direct(APP) - before).as("the query string goes to Jersey").isEqualTo(direct ? 1 : 0);
        return new Api.Res[] {first, jersey};
    }

    static HttpRequest.Builder[] post(String path, String token, String body, String... headers) {
        HttpRequest.Builder[] two = new HttpRequest.Builder[2];
        for (int i = 0; i < 2; i++) {
            two[i] = api.builder(path + (i == 0 ? "" : "?via=jersey"), token, headers)
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (!List.of(headers).contains("Content-Type")) {
                two[i].header("Content-Type", "application/json");
            }
        }
        return two;
    }

    /** Status, headers but the date and request id, and body: equal. */
    static void same(Api.Res[] two) {
        assertThat(two[0].status()).as(two[0].body()).isEqualTo(two[1].status());
        assertThat(headers(two[0])).isEqualTo(headers(two[1]));
        assertThat(two[0].body()).isEqualTo(two[1].body());
    }

    /** Status and headers equal, and the same JSON fields of the same kinds with {@code equal} fields equal. */
    static void alike(Api.Res[] two, String... equal) {
        assertThat(two[0].status()).as(two[0].body()).isEqualTo(two[1].status());
        Map<String, List<String>> a = headers(two[0]);
        Map<String, List<String>> b = headers(two[1]);
        a.remove("content-length");
        b.remove("content-length");
        assertThat(a).isEqualTo(b);
        assertThat(shape(two[0].json())).isEqualTo(shape(two[1].json()));
        for (String pointer : equal) {
            assertThat(two[0].json().at(pointer))
                    .as(pointer)
                    .isEqualTo(two[1].json().at(pointer));
        }
    }

    static Map<String, List<String>> headers(Api.Res r) {
        Map<String, List<String>> h = new TreeMap<>();
        r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v));
        h.remove("date");
        h.remove("x-request-id");
        return h;
    }

    static JsonNode shape(JsonNode n) {
        if (n.isObject()) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                o.set(e.getKey(), shape(e.getValue()));
            }
            return o;
        }
        if (n.isArray()) {
            return JsonNodeFactory.instance.textNode("array");
        }
        return JsonNodeFactory.instance.textNode(n.getNodeType().name());
    }

    static String transfer(String to, String amount, String memo) {
        return "{\"to_account\":\"" + to + "\",\"amount\":" + amount + (memo == null ? "" : ",\"memo\":" + memo) + "}";
    }

    @Test
    @DisplayName("transfers: every refusal and success as Jersey answers it, retries replayed the same")
    void transfers() {
        Api.Session a = api.player("DirA");
        Api.Session b = api.player("DirB");
        String to = b.accountNumber();
        String t = a.token();
        String tx = "/api/v1/transactions";
        // Refusals the resource decides: answered here, the same bytes as Jersey's.
        for (String body : List.of(
                transfer(to, "0", null),
                transfer(to, "-5", null),
                transfer(to, "5000000", null),
                transfer(to, "999999", null),
                transfer("NC-NOPE-NOPE00", "1", null),
                transfer(a.accountNumber(), "1", null),
                transfer(to, "1", "\"" + "m".repeat(300) + "\""),
                transfer(to, "1", "\"be\\u0007ll\""),
                "{\"amount\":1}",
                "{}")) {
            same(both(true, post(tx, t, body)));
        }
        same(both(true, post(tx, t, transfer(to, "1", null), "Idempotency-Key", "x".repeat(65))));
        // Unusual requests: left to Jersey (the body replayed to it), the same answers.
        for (String body : List.of(
                "{\"to_account\":",
                "null",
                "[]",
                "{\"to_account\":\"x\",\"amount\":\"abc\"}",
                transfer(to, "1.234", null))) {
            same(both(false, post(tx, t, body)));
        }
        same(both(false, post(tx, null, transfer(to, "1", null))));
        same(both(false, post(tx, "not-a-token", transfer(to, "1", null))));
        same(both(false, post(tx, Tokens4Tests.wronglySigned(Tokens4Tests.uid(t)), transfer(to, "1", null))));
        same(both(false, post(tx, null, transfer(to, "1", null), "Authorization", "Basic YTpi")));
        same(both(false, post(tx, t, "to_account=x", "Content-Type", "application/x-www-form-urlencoded")));
        same(both(false, post(tx, t, transfer(to, "1", null), "Accept", "text/html")));
        // (a refused one: Jersey answers both, and a success would leave the first key stored)
        same(both(false, post(tx, t, transfer(to, "0", null), "Idempotency-Key", "k1", "Idempotency-Key", "k2")));

        // Successes: the same fields; the memo, amount and accounts equal.
        Api.Res[] paid = both(true, post(tx, t, transfer(to, "1.25", "\"rent 🏠\"")));
        assertThat(paid[0].status()).isEqualTo(201);
        alike(paid, "/transaction/amount", "/transaction/memo", "/transaction/to_account", "/transaction/from_account");
        Api.Res[] upper =
                both(true, post(tx, t, transfer(to, "2", null), "Content-Type", "application/json; charset=UTF-8"));
        alike(upper, "/transaction/amount");

        // A retry with the same key: the stored answer, the same bytes whichever path replays it.
        HttpRequest.Builder[] keyed = post(tx, t, transfer(to, "3", null), "Idempotency-Key", "direct-retry-1");
        long before = direct(APP);
        Api.Res first = api.send(keyed[0]);
        assertThat(first.status()).isEqualTo(201);
        Api.Res viaJersey = api.send(keyed[1]);
        Api.Res again = api.send(post(tx, t, transfer(to, "3", null), "Idempotency-Key", "direct-retry-1")[0]);
        assertThat(direct(APP) - before).isEqualTo(2);
        assertThat(viaJersey.body()).isEqualTo(first.body());
        assertThat(viaJersey.header("Idempotent-Replayed")).isEqualTo("true");
        same(new Api.Res[] {again, viaJersey});
        same(both(true, post(tx, t, transfer(to, "4", null), "Idempotency-Key", "direct-retry-1")));
        assertThat(api.balance(a)).isEqualTo(100_000 - 125 - 125 - 200 - 200 - 300);
    }

    @Test
    @DisplayName("transfers: a rate limit's 429 and Retry-After, a frozen account's 401, as Jersey's")
    void limitsAndFrozen() {
        Api.Session a = api.player("DirLim");
        Api.Session b = api.player("DirFro");
        Api.Res[] last = null;
        for (int i = 0; i < 100 && (last == null || last[0].status() != 429); i++) {
            last = both(true, post("/api/v1/transactions", a.token(), transfer(b.accountNumber(), "0.01", null)));
        }
        assertThat(last[0].status()).isEqualTo(429);
        assertThat(last[0].header("Retry-After")).isNotBlank();
        same(last);

        Api.Res froze =
                api.post("/api/admin/users/" + b.accountNumber() + "/freeze", gm.token(), "{\"reason\":\"test\"}");
        assertThat(froze.status()).as(froze.body()).isEqualTo(200);
        same(both(false, post("/api/v1/transactions", b.token(), transfer(a.accountNumber(), "1", null))));
    }

    @Test
    @DisplayName("spins: refusals, a closed game and a spin as Jersey answers them")
    void spins() {
        Api.Session p = api.player("DirSpin");
        String t = p.token();
        String spin = "/api/v1/casino/glitch-grid/spin";
        for (String body : List.of(
                "{}", "{\"bet_amount\":0}", "{\"bet_amount\":-10}", "{\"bet_amount\":15}", "{\"bet_amount\":100000}")) {
            same(both(true, post(spin, t, body)));
        }
        same(both(true, post("/api/v1/casino/no-such-game/spin", t, "{\"bet_amount\":1}")));
        same(both(false, post("/api/v1/casino/glitch.grid/spin", t, "{\"bet_amount\":1}")));
        same(both(false, post(spin, t, "{\"bet_amount\":\"lots\"}")));
        same(both(false, post(spin, t, "{\"bet_amount\":0.015}")));
        same(both(false, post(spin, null, "{\"bet_amount\":1}")));

        Api.Res[] spun = both(true, post(spin, t, "{\"bet_amount\":10}"));
        assertThat(spun[0].status()).as(spun[0].body()).isEqualTo(200);
        alike(spun, "/bet");
        Api.Res[] starlight = both(true, post("/api/v1/casino/starlight-smuggler/spin", t, "{\"bet_amount\":5}"));
        assertThat(starlight[0].status()).as(starlight[0].body()).isEqualTo(200);
        alike(starlight, "/bet_per_line", "/total_bet");

        Api.Res closed = api.put("/api/admin/casino/config/glitch_grid", gm.token(), "{\"is_enabled\": false}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        try {
            Api.Res[] refused = both(true, post(spin, t, "{\"bet_amount\":10}"));
            assertThat(refused[0].status()).isEqualTo(400);
            same(refused);
        } finally {
            api.put("/api/admin/casino/config/glitch_grid", gm.token(), "{\"is_enabled\": true}");
        }
    }

    @Test
    @DisplayName("terminal charges: every key problem, refusal and charge as Jersey answers it")
    void charges() {
        Api.Session stall = api.player("DirStall");
        Api.Session buyer = api.player("DirBuyer");
        Api.Res made = api.post(
                "/api/admin/api-keys",
                gm.token(),
                "{\"description\":\"direct stall\",\"account_number\":\"" + stall.accountNumber()
                        + "\",\"scopes\":[\"charge\",\"balance:read\"]}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String key = made.json().at("/api_key/key_value").asText();
        String charges = "/api/v1/external/transactions";
        String move = "{\"from_account\":\"" + buyer.accountNumber() + "\",\"to_account\":\"" + stall.accountNumber()
                + "\",\"amount\":%s}";
        same(both(true, post(charges, null, move.formatted("1"))));
        same(both(true, post(charges, null, move.formatted("1"), "X-API-Key", "nb_live_not-a-key")));
        for (String amount : List.of("0", "-1", "99999")) {
            same(both(true, post(charges, null, move.formatted(amount), "X-API-Key", key)));
        }
        same(both(false, post(charges, null, "{\"amount\":", "X-API-Key", key)));
        same(both(false, post(charges, null, move.formatted("1.001"), "X-API-Key", key)));

        Api.Res[] charged = both(true, post(charges, null, move.formatted("2.50"), "X-API-Key", key));
        assertThat(charged[0].status()).as(charged[0].body()).isEqualTo(201);
        alike(charged, "/transaction/amount", "/message");
        HttpRequest.Builder[] keyed =
                post(charges, null, move.formatted("1"), "X-API-Key", key, "Idempotency-Key", "c-1");
        Api.Res first = api.send(keyed[0]);
        Api.Res replayed = api.send(keyed[1]);
        assertThat(replayed.body()).isEqualTo(first.body());
        same(both(true, post(charges, null, move.formatted("1"), "X-API-Key", key, "Idempotency-Key", "c-1")));

        // A chunked body (no Content-Length) goes to Jersey, which reads it as before.
        byte[] body = move.formatted("1").getBytes(StandardCharsets.UTF_8);
        long before = direct(APP);
        Api.Res chunked = api.send(api.builder(charges, null, "X-API-Key", key, "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        assertThat(chunked.status()).as(chunked.body()).isEqualTo(201);
        assertThat(direct(APP)).isEqualTo(before);
    }
}
