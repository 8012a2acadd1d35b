package city.neotropolis.neobank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import city.neotropolis.neobank.support.Tokens4Tests;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request gets a 4xx JSON error and changes nothing: no balance moves, no journal row,
 * no account appears.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Bad input is refused with a clear 4xx JSON error and changes nothing (SQLite)")
class BadInputTest {
    DropwizardAppExtension<NeoBankConfiguration> app;
    Api api;
    Api.Session sender;
    Api.Session recipient;
    Api.Session frozen;

    /** The service under test; {@link BadInputPostgresTest} runs the same table on PostgreSQL. */
    DropwizardAppExtension<NeoBankConfiguration> newApp() {
        return TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));
    }

    /** Who asks: the sender's real token, or one of the tokens a verifier must refuse. */
    enum As {
        SENDER,
        NOBODY,
        GARBAGE,
        ALG_NONE,
        WRONG_SIGNATURE,
        EXPIRED,
        OTHER_ALGORITHM
    }

    record Case(
            String name,
            As as,
            String method,
            String path,
            String contentType,
            Function<Ctx, String> body,
            int status,
            String[] headers) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The accounts a case's body may refer to. */
    record Ctx(String me, String other, String frozen) {}

    static Case transfer(String name, int status, Function<Ctx, String> body, String... headers) {
        return new Case(name, As.SENDER, "POST", "/api/v1/transactions", "application/json", body, status, headers);
    }

    static Case transferAs(String name, As as, int status) {
        return new Case(
                name,
                as,
                "POST",
                "/api/v1/transactions",
                "application/json",
                c -> "{\"to_account\":\"" + c.other() + "\",\"amount\":5}",
                status,
                new String[0]);
    }

    static Function<Ctx, String> amount(String json) {
        return c -> "{\"to_account\":\"" + c.other() + "\",\"amount\":" + json + "}";
    }

    static Case register(String name, String body) {
        return new Case(
                name, As.NOBODY, "POST", "/api/v1/auth/register", "application/json", c -> body, 400, new String[0]);
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>(List.of(
                transfer("missing to_account", 400, c -> "{\"amount\":5}"),
                transfer("missing amount", 400, c -> "{\"to_account\":\"" + c.other() + "\"}"),
                transfer("amount null", 400, amount("null")),
                transfer("amount as a word", 400, amount("\"five\"")),
                transfer("amount as a boolean", 400, amount("true")),
                transfer("amount as an array", 400, amount("[5]")),
                transfer("amount as an object", 400, amount("{\"v\":5}")),
                transfer("negative amount", 400, amount("-5")),
                transfer("zero amount", 400, amount("0")),
                transfer("zero with decimals", 400, amount("0.00")),
                transfer("three decimals", 400, amount("1.001")),
                transfer("exponent notation", 400, amount("1e2")),
                transfer("exponent notation in a string", 400, amount("\"1E2\"")),
                transfer("NaN as a string", 400, amount("\"NaN\"")),
                transfer("Infinity as a string", 400, amount("\"Infinity\"")),
                transfer("huge amount", 400, amount("99999999999999999999999")),
                transfer("above the configured maximum", 400, amount("1000000.01")),
                transfer("more than the sender has", 400, amount("1000.01")),
                transfer("unknown recipient", 400, c -> "{\"to_account\":\"NC-ZZZZ-ZZZZ\",\"amount\":5}"),
                transfer(
                        "not an account number",
                        400,
                        c -> "{\"to_account\":\"'; DROP TABLE accounts;--\",\"amount\":5}"),
                transfer("to_account as a number", 400, c -> "{\"to_account\":12345678,\"amount\":5}"),
                transfer("to yourself", 400, c -> "{\"to_account\":\"" + c.me() + "\",\"amount\":5}"),
                transfer("to a frozen account", 400, c -> "{\"to_account\":\"" + c.frozen() + "\",\"amount\":5}"),
                transfer("to the casino house", 400, c -> "{\"to_account\":\"NC-CASA-0000\",\"amount\":5}"),
                transfer("to the mint", 400, c -> "{\"to_account\":\"NC-SYST-EM00\",\"amount\":5}"),
                transfer(
                        "memo of 141 characters",
                        400,
                        c -> "{\"to_account\":\"" + c.other() + "\",\"amount\":5,\"memo\":\"" + "m".repeat(141)
                                + "\"}"),
                transfer(
                        "memo with a control character",
                        400,
                        c -> "{\"to_account\":\"" + c.other() + "\",\"amount\":5,\"memo\":\"a\\u0000b\"}"),
                transfer("malformed JSON", 400, c -> "{\"to_account\":"),
                transfer("a JSON array instead of an object", 400, c -> "[1,2]"),
                transfer("a JSON string instead of an object", 400, c -> "\"send money\""),
                transfer("empty body", 400, c -> ""),
                transfer(
                        "duplicate keys",
                        400,
                        c -> "{\"to_account\":\"" + c.other() + "\",\"amount\":1,\"amount\":900}"),
                transfer("trailing garbage", 400, amount("5} {\"x\":1")),
                transfer(
                        "oversized body",
                        413,
                        c -> "{\"to_account\":\"" + c.other() + "\",\"amount\":5,\"memo\":\"" + "x".repeat(70_000)
                                + "\"}"),
                transfer("Idempotency-Key of 65 characters", 400, amount("5"), "Idempotency-Key", "k".repeat(65)),
                transfer("Idempotency-Key with a space", 400, amount("5"), "Idempotency-Key", "two words"),
                new Case(
                        "wrong content type",
                        As.SENDER,
                        "POST",
                        "/api/v1/transactions",
                        "text/plain",
                        amount("5"),
                        415,
                        new String[0]),
                transferAs("no token", As.NOBODY, 401),
                transferAs("garbage token", As.GARBAGE, 401),
                transferAs("alg: none token", As.ALG_NONE, 401),
                transferAs("wrongly signed token", As.WRONG_SIGNATURE, 401),
                transferAs("expired token", As.EXPIRED, 401),
                transferAs("token signed with another algorithm", As.OTHER_ALGORITHM, 401),
                register("name of 1 character", "{\"character_name\":\"A\",\"password\":\"password1\"}"),
                register(
                        "name of 33 characters",
                        "{\"character_name\":\"" + "N".repeat(33) + "\",\"password\":\"password1\"}"),
                register("blank name", "{\"character_name\":\"   \",\"password\":\"password1\"}"),
                register("name with a newline", "{\"character_name\":\"Evil\\nName\",\"password\":\"password1\"}"),
                register("password of 7 characters", "{\"character_name\":\"Shorty\",\"password\":\"pass123\"}"),
                register("missing password", "{\"character_name\":\"NoPass\"}"),
                register("password as a number", "{\"character_name\":\"NumPass\",\"password\":12345678}"),
                new Case(
                        "history limit not a number",
                        As.SENDER,
                        "GET",
                        "/api/v1/account/transactions?limit=ten",
                        null,
                        c -> null,
                        400,
                        new String[0]),
                new Case(
                        "history limit too large",
                        As.SENDER,
                        "GET",
                        "/api/v1/account/transactions?limit=100000",
                        null,
                        c -> null,
                        400,
                        new String[0]),
                new Case(
                        "history cursor negative",
                        As.SENDER,
                        "GET",
                        "/api/v1/account/transactions?before=-4",
                        null,
                        c -> null,
                        400,
                        new String[0]),
                new Case("unknown route", As.SENDER, "GET", "/api/v1/nowhere", null, c -> null, 404, new String[0]),
                new Case(
                        "wrong method",
                        As.SENDER,
                        "DELETE",
                        "/api/v1/transactions",
                        null,
                        c -> null,
                        405,
                        new String[0])));
        return all.stream();
    }

    @BeforeAll
    void players() throws Throwable {
        app = newApp();
        app.before();
        api = TestApp.api(app);
        sender = api.player("sender");
        recipient = api.player("recipient");
        frozen = api.player("frozen");
        app.<NeoBankApplication>getApplication()
                .database()
                .writer()
                .write(s -> s.handle()
                        .createUpdate("UPDATE accounts SET frozen = TRUE WHERE account_number = :n")
                        .bind("n", frozen.accountNumber())
                        .execute());
    }

    @AfterAll
    void stop() {
        app.after();
    }

    record State(long sender, long recipient, long frozen, LedgerVerifier.Report books) {}

    State state() {
        LedgerVerifier.Report books =
                new LedgerVerifier(app.<NeoBankApplication>getApplication().database()).verify();
        return new State(balance(sender), balance(recipient), balance(frozen), books);
    }

    long balance(Api.Session s) {
        return app.<NeoBankApplication>getApplication()
                .database()
                .reads()
                .withHandle(h -> h.createQuery("SELECT balance FROM accounts WHERE account_number = :n")
                        .bind("n", s.accountNumber())
                        .mapTo(Long.class)
                        .one());
    }

    String token(As as) {
        long uid = Tokens4Tests.uid(sender.token());
        return switch (as) {
            case SENDER -> sender.token();
            case NOBODY -> null;
            case GARBAGE -> "not.a.token";
            case ALG_NONE -> Tokens4Tests.algNone(uid);
            case WRONG_SIGNATURE -> Tokens4Tests.wronglySigned(uid);
            case EXPIRED -> Tokens4Tests.expired(uid);
            case OTHER_ALGORITHM -> Tokens4Tests.otherAlgorithm(uid);
        };
    }

    @Test
    @DisplayName("the table holds at least 30 cases")
    void enoughCases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(30);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refused(Case c) {
        State before = state();
        Ctx ctx = new Ctx(sender.accountNumber(), recipient.accountNumber(), frozen.accountNumber());
        String body = c.body().apply(ctx);
        HttpRequest.Builder b = api.builder(c.path(), token(c.as()), c.headers());
        if (c.contentType() != null) {
            b.header("Content-Type", c.contentType());
        }
        b.method(
                c.method(),
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        Api.Res r = api.send(b);

        assertThat(r.status()).as(r.body()).isEqualTo(c.status());
        assertThat(r.json()).as("JSON body: " + r.body()).isNotNull();
        assertThat(r.json().path("error").asText()).as(r.body()).isNotBlank();
        assertThat(r.json().size()).as("only the error field").isEqualTo(1);
        assertThat(r.header("Content-Type")).startsWith("application/json");
        State after = state();
        assertThat(after).as("nothing changed").isEqualTo(before);
        assertThat(after.books().ok()).isTrue();
    }
}
