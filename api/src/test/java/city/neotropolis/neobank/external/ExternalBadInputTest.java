package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Bad input to the terminal API is a 4xx JSON error and moves nothing")
class ExternalBadInputTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static Terminals t;
    static String stall;
    static String buyer;
    static Terminals.Key key;
    static Api.Session other;
    long rows;
    Map<String, Long> balances;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
        stall = t.api.player("BadStall").accountNumber();
        buyer = t.api.player("BadBuyer").accountNumber();
        key = t.key(stall, "charge", "payout", "balance:read");
        other = t.api.player("Other");
    }

    @BeforeEach
    void before() {
        rows = t.journalRows();
        balances = Map.of(stall, t.balanceOf(stall), buyer, t.balanceOf(buyer));
    }

    @AfterEach
    void nothingMoved() {
        assertThat(t.journalRows()).isEqualTo(rows);
        assertThat(Map.of(stall, t.balanceOf(stall), buyer, t.balanceOf(buyer))).isEqualTo(balances);
        t.assertBooksBalance();
    }

    static void assertJsonError(Api.Res r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.json().get("error").asText()).isNotBlank();
    }

    static Stream<Arguments> bodies() {
        String f = "\"from_account\":\"@B\",\"to_account\":\"@S\"";
        return Stream.of(
                Arguments.of("zero amount", "{" + f + ",\"amount\":0}"),
                Arguments.of("negative amount", "{" + f + ",\"amount\":-5}"),
                Arguments.of("three decimals", "{" + f + ",\"amount\":1.005}"),
                Arguments.of("exponent", "{" + f + ",\"amount\":1e2}"),
                Arguments.of("NaN", "{" + f + ",\"amount\":NaN}"),
                Arguments.of("Infinity string", "{" + f + ",\"amount\":\"Infinity\"}"),
                Arguments.of("word", "{" + f + ",\"amount\":\"ten\"}"),
                Arguments.of("boolean amount", "{" + f + ",\"amount\":true}"),
                Arguments.of("array amount", "{" + f + ",\"amount\":[5]}"),
                Arguments.of("object amount", "{" + f + ",\"amount\":{\"v\":5}}"),
                Arguments.of("null amount", "{" + f + ",\"amount\":null}"),
                Arguments.of("missing amount", "{" + f + "}"),
                Arguments.of("above the bank's maximum", "{" + f + ",\"amount\":1000000.01}"),
                Arguments.of("more than the player has", "{" + f + ",\"amount\":1000.01}"),
                Arguments.of("memo of 141 characters", "{" + f + ",\"amount\":1,\"memo\":\"" + "m".repeat(141) + "\"}"),
                Arguments.of("memo with a control character", "{" + f + ",\"amount\":1,\"memo\":\"a\\u0007b\"}"),
                Arguments.of("memo not a string", "{" + f + ",\"amount\":1,\"memo\":5}"),
                Arguments.of(
                        "unknown sender", "{\"from_account\":\"NC-ZZZZ-ZZZ9\",\"to_account\":\"@S\",\"amount\":1}"),
                Arguments.of(
                        "unknown recipient", "{\"from_account\":\"@S\",\"to_account\":\"NC-ZZZZ-ZZZ9\",\"amount\":1}"),
                Arguments.of(
                        "malformed account number",
                        "{\"from_account\":\"'; DROP TABLE accounts;--\"," + "\"to_account\":\"@S\",\"amount\":1}"),
                Arguments.of(
                        "account number as a number", "{\"from_account\":12345,\"to_account\":\"@S\",\"amount\":1}"),
                Arguments.of("same account twice", "{\"from_account\":\"@S\",\"to_account\":\"@S\",\"amount\":1}"),
                Arguments.of("duplicate field", "{" + f + ",\"amount\":1,\"amount\":2}"),
                Arguments.of("trailing garbage", "{" + f + ",\"amount\":1} x"),
                Arguments.of("not JSON", "charge 5 please"),
                Arguments.of("a JSON array", "[1,2]"),
                Arguments.of("a JSON string", "\"hello\""),
                Arguments.of("JSON null", "null"),
                Arguments.of("empty body", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    @DisplayName("the foundation's bad bodies → 400")
    void badBody(String name, String template) {
        Api.Res r = t.charge(key, template.replace("@B", buyer).replace("@S", stall));
        assertJsonError(r, 400);
    }

    @Nested
    @DisplayName("the request itself")
    class Request {
        @Test
        @DisplayName("a body over 64 KiB → 413")
        void tooLarge() {
            String body = "{\"from_account\":\"" + buyer + "\",\"to_account\":\"" + stall + "\",\"amount\":1,"
                    + "\"memo\":\"" + "x".repeat(70_000) + "\"}";
            assertJsonError(t.charge(key, body), 413);
        }

        @Test
        @DisplayName("a form instead of JSON → 415")
        void wrongType() {
            Api.Res r = t.api.send(t.api.builder("/api/v1/external/transactions", null, "X-API-Key", key.value())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("amount=1")));
            assertJsonError(r, 415);
        }

        @Test
        @DisplayName("an Idempotency-Key that is too long or not printable ASCII → 400")
        void badIdempotencyKey() {
            String body = Terminals.move(buyer, stall, "1");
            assertJsonError(t.charge(key, body, "Idempotency-Key", "k".repeat(65)), 400);
            assertJsonError(t.charge(key, body, "Idempotency-Key", "two words"), 400);
        }

        @Test
        @DisplayName("a frozen player cannot be charged → 400")
        void frozen() {
            String frozen = other.accountNumber();
            t.db.writer()
                    .write(s -> s.handle()
                            .createUpdate("UPDATE accounts SET frozen = TRUE WHERE account_number = :n")
                            .bind("n", frozen)
                            .execute());
            long before = t.balanceOf(frozen);
            Api.Res r = t.charge(key, Terminals.move(frozen, stall, "1"));
            assertJsonError(r, 400);
            assertThat(r.json().get("error").asText()).contains("frozen");
            assertThat(t.balanceOf(frozen)).isEqualTo(before);
        }

        @Test
        @DisplayName("an unknown account's balance → 404 Account not found")
        void unknownBalance() {
            for (String n : new String[] {"NC-ZZZZ-ZZZ9", "nonsense", "NC-CASA-0000"}) {
                Api.Res r = t.balance(key, n);
                assertJsonError(r, 404);
                assertThat(r.json().get("error").asText()).isEqualTo("Account not found");
            }
        }
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("no key", null),
                Arguments.of("empty key", ""),
                Arguments.of("too short", "nbk_abc"),
                Arguments.of("right shape, never issued", "nbk_" + "A".repeat(43)),
                Arguments.of("one character too many", "nbk_" + "A".repeat(44)),
                Arguments.of("wrong prefix", "key_" + "A".repeat(43)),
                Arguments.of("not ASCII", "nbk_" + "é".repeat(43)),
                Arguments.of("SQL", "nbk_' OR '1'='1"),
                Arguments.of("huge", "nbk_" + "A".repeat(6000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    @DisplayName("a missing, malformed or unknown key → 401 on both routes")
    void badKey(String name, String raw) {
        String body = Terminals.move(buyer, stall, "1");
        Api.Res post = raw == null
                ? t.api.post("/api/v1/external/transactions", null, body)
                : t.api.post("/api/v1/external/transactions", null, body, "X-API-Key", raw);
        assertThat(post.status()).as(post.body()).isIn(400, 401, 431);
        assertThat(post.json().get("error").asText()).isNotBlank();
        Api.Res get = t.api.send(
                raw == null
                        ? t.api.builder("/api/v1/external/account/" + stall + "/balance", null)
                                .GET()
                        : t.api.builder("/api/v1/external/account/" + stall + "/balance", null, "X-API-Key", raw)
                                .GET());
        assertThat(get.status()).as(get.body()).isIn(400, 401, 431);
        if (raw == null || raw.length() < 200) {
            assertThat(post.status()).isEqualTo(401);
            assertThat(get.status()).isEqualTo(401);
        }
    }

    @Nested
    @DisplayName("legacy clients")
    class Legacy {
        @Test
        @DisplayName("a player's JWT is not an API key → 401")
        void jwt() {
            Api.Res r = t.api.post("/api/v1/external/transactions", other.token(), Terminals.move(buyer, stall, "1"));
            assertJsonError(r, 401);
        }

        @Test
        @DisplayName("a wrong api_key in the body → 401")
        void wrongBodyKey() {
            Api.Res r = t.api.post(
                    "/api/v1/external/transactions",
                    null,
                    "{\"api_key\":\"nbk_" + "B".repeat(43) + "\",\"from_account\":\"" + buyer + "\",\"to_account\":\""
                            + stall + "\",\"amount\":1}");
            assertJsonError(r, 401);
        }
    }
}
