package city.neotropolis.neobank.web;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Races that end in a database's unique key, and values that outgrow their column: the loser gets
 * a 4xx JSON error, never a 500, and exactly one thing exists afterwards. The same class runs on
 * PostgreSQL ({@link ConstraintAnswersPostgresTest}), whose concurrent transactions really collide.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("A request that breaks a schema rule is a 4xx (SQLite)")
class ConstraintAnswersTest {
    static final int RACERS = 6;
    DropwizardAppExtension<NeoBankConfiguration> app;
    Api api;
    Api.Session gm;

    DropwizardAppExtension<NeoBankConfiguration> newApp() {
        return TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));
    }

    @BeforeAll
    void start() throws Throwable {
        app = newApp();
        app.before();
        api = TestApp.api(app);
        gm = api.gm();
    }

    @AfterAll
    void stop() {
        app.after();
    }

    long count(String sql, String value) {
        return app.<NeoBankApplication>getApplication()
                .database()
                .reads()
                .withHandle(h ->
                        h.createQuery(sql).bind("v", value).mapTo(Long.class).one());
    }

    /** Sends all requests at once (released together by a latch) and returns their answers. */
    List<Api.Res> race(List<String> variants, Function<String, Api.Res> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(variants.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Res>> futures = new ArrayList<>();
            for (String v : variants) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(v);
                }));
            }
            go.countDown();
            List<Api.Res> answers = new ArrayList<>();
            for (Future<Api.Res> f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> cases(String name) {
        return List.of(
                name,
                name.toUpperCase(java.util.Locale.ROOT),
                name.toLowerCase(java.util.Locale.ROOT),
                swapCase(name),
                name.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + name.substring(1),
                name.substring(0, 1) + name.substring(1).toUpperCase(java.util.Locale.ROOT));
    }

    static String swapCase(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints()
                .forEach(c -> b.appendCodePoint(
                        Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c)));
        return b.toString();
    }

    static void oneWinner(List<Api.Res> answers, int created) {
        assertThat(answers).as("never a 5xx: %s", answers).allMatch(r -> r.status() < 500);
        assertThat(answers.stream().filter(r -> r.status() == created))
                .as("exactly one wins: %s", answers)
                .hasSize(1);
        for (Api.Res r : answers) {
            if (r.status() != created) {
                assertThat(r.status()).as(r.body()).isIn(400, 409);
                assertThat(r.json().path("error").asText()).as(r.body()).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("the same faction created at once in six letter cases: one 201, the rest 4xx, one faction")
    void concurrentFactions() throws Exception {
        String name = Api.uniqueName("Night Owls ");
        List<Api.Res> answers =
                race(cases(name), v -> api.post("/api/admin/factions/create", gm.token(), "{\"name\":\"" + v + "\"}"));
        oneWinner(answers, 201);
        assertThat(count("SELECT COUNT(*) FROM factions WHERE LOWER(name) = LOWER(:v)", name))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("the same character registered at once in six letter cases: one 201, the rest 4xx, one account")
    void concurrentRegistrations() throws Exception {
        String name = Api.uniqueName("Racer");
        List<Api.Res> answers = race(
                cases(name),
                v -> api.post(
                        "/api/v1/auth/register",
                        null,
                        "{\"character_name\":\"" + v + "\",\"password\":\"password1\"}"));
        oneWinner(answers, 201);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE LOWER(character_name) = LOWER(:v)", name))
                .isEqualTo(1);
    }

    @Test
    @DisplayName("a name whose normalised key outgrows its column is never a 500")
    void expandingName() {
        // U+FDFA is one character that NFKC turns into 18: 32 of them make a key of 576.
        String name = "\uFDFA".repeat(32);
        Api.Res r = api.post(
                "/api/v1/auth/register", null, "{\"character_name\":\"" + name + "\",\"password\":\"password1\"}");
        assertThat(r.status()).as(r.body()).isLessThan(500);
        if (r.status() >= 400) {
            assertThat(r.json().path("error").asText()).as(r.body()).isNotBlank();
            assertThat(count("SELECT COUNT(*) FROM accounts WHERE character_name = :v", name))
                    .isZero();
        }
        expandingNameAnswer(r);
    }

    /** SQLite keeps a long key; PostgreSQL refuses it (see the subclass). */
    void expandingNameAnswer(Api.Res r) {}
}
