package city.neotropolis.neobank.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Names that cannot impersonate (issue 10): invisible and text-direction characters are refused,
 * a name that looks like an existing one (UTS #39 skeleton) is refused, and the unique skeleton
 * column settles two concurrent look-alike sign-ups — the same on SQLite and PostgreSQL.
 */
@DisplayName("Character names")
class NamesTest {

    /** The same checks against one running service. */
    abstract static class Checks {
        abstract DropwizardAppExtension<NeoBankConfiguration> app();

        Api api() {
            return TestApp.api(app());
        }

        static String register(String name) {
            var body = JsonNodeFactory.instance.objectNode();
            body.put("character_name", name);
            body.put("password", "password1");
            return body.toString();
        }

        Api.Res signUp(String name) {
            return api().post("/api/v1/auth/register", null, register(name));
        }

        @Test
        @DisplayName("accepts ordinary international names: Zoë, Ŧhe Ghost, Ivana Petrović, 李小龍, Ōkami 狼")
        void international() {
            String tag = Api.uniqueName("");
            for (String name : List.of("Zoë", "Ŧhe Ghost", "Ivana Petrović", "李小龍", "Ōkami 狼")) {
                Api.Res r = signUp(name + " " + tag);
                assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(201);
                assertThat(r.json().at("/user/character_name").asText()).isEqualTo(name + " " + tag);
            }
        }

        @Test
        @DisplayName("refuses invisible and text-direction characters, and creates nobody")
        void invisible() {
            String base = "Ghost" + Api.uniqueName("").substring(0, 4);
            for (String name : List.of(
                    "ad\u200Bmin" + base, // zero-width space
                    "\u202Eadmin" + base, // right-to-left override
                    base + "\u2066x", // left-to-right isolate
                    "ad\u00ADmin" + base, // soft hyphen
                    "\u3164" + base, // Hangul filler, looks like a space
                    "x\u200D" + base, // zero-width joiner
                    "a\uFE0F" + base, // variation selector
                    "a\u061C" + base // Arabic letter mark
                    )) {
                Api.Res r = signUp(name);
                assertThat(r.status()).as(name).isEqualTo(400);
                assertThat(r.json().get("error").asText()).contains("invisible");
                var login = JsonNodeFactory.instance.objectNode();
                login.put("character_name", name);
                login.put("password", "password1");
                assertThat(api().post("/api/v1/auth/login", null, login.toString())
                                .status())
                        .as("nobody was created")
                        .isEqualTo(401);
            }
        }

        @Test
        @DisplayName("refuses names that look like an existing one: case, Cyrillic, Greek, digits for letters")
        void confusable() {
            String tag = Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("[0-9]", "q");
            String original = "Marcus Vale " + tag;
            assertThat(signUp(original).status()).isEqualTo(201);
            for (String lookalike : List.of(
                    "MARCUS VALE " + tag,
                    "\u041Carcus Vale " + tag, // Cyrillic capital em
                    "\u039Carcus Vale " + tag, // Greek capital mu
                    "Marcus Va1e " + tag, // digit one for l
                    "Ｍａｒｃｕｓ Vale " + tag, // fullwidth
                    "M\u0430rcus Vale " + tag // Cyrillic small a
                    )) {
                Api.Res r = signUp(lookalike);
                assertThat(r.status()).as(lookalike + ": " + r.body()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).containsAnyOf("already taken", "looks like");
            }
        }

        @Test
        @DisplayName("refuses look-alikes of the GM and the bank's own accounts")
        void systemNames() {
            for (String name :
                    List.of("\u0430dmin", "ADMIN", "NeoBank Mint", "Ne\u043EBank Mint", "Chrome Slots House")) {
                Api.Res r = signUp(name);
                assertThat(r.status()).as(name + ": " + r.body()).isEqualTo(400);
            }
        }

        @Test
        @DisplayName("a name within 32 characters that grows past its key column once normalised is a 400, not a 500")
        void growsWhenNormalised() {
            Api.Res r = signUp("\uFDFA\uFDFA\uFDFA\uFDFA");
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("too long once normalised");
        }

        @Test
        @DisplayName("of eight concurrent sign-ups with look-alike names exactly one wins, the rest get a 400")
        void concurrentLookalikes() throws Exception {
            String tag = Long.toString(System.nanoTime() % 1_000_000, 36).replaceAll("[0-9]", "k");
            List<String> names = List.of(
                    "Nova Quinn " + tag,
                    "N\u043Eva Quinn " + tag, // Cyrillic o
                    "NOVA QUINN " + tag,
                    "\u039Dova Quinn " + tag, // Greek Nu
                    "nova quinn " + tag,
                    "Nova Qu\u0456nn " + tag, // Cyrillic i
                    "Nova Quinn " + tag.toUpperCase(java.util.Locale.ROOT),
                    "Ｎova Quinn " + tag);
            ExecutorService pool = Executors.newFixedThreadPool(names.size());
            CountDownLatch start = new CountDownLatch(1);
            try {
                List<Future<Api.Res>> results = new ArrayList<>();
                for (String n : names) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return signUp(n);
                    }));
                }
                start.countDown();
                List<String> winners = new ArrayList<>();
                for (Future<Api.Res> f : results) {
                    Api.Res r = f.get(60, TimeUnit.SECONDS);
                    assertThat(r.status()).as(r.body()).isIn(201, 400);
                    if (r.status() == 201) {
                        winners.add(r.json().at("/user/character_name").asText());
                    }
                }
                assertThat(winners).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        @DisplayName("refuses text-direction controls in memos and key descriptions, and moves nothing")
        void memosAndDescriptions() {
            Api api = api();
            Api.Session a = api.player("memoA");
            Api.Session b = api.player("memoB");
            var body = JsonNodeFactory.instance.objectNode();
            body.put("to_account", b.accountNumber());
            body.put("amount", 1);
            body.put("memo", "rent \u202Efor March");
            Api.Res r = api.post("/api/v1/transactions", a.token(), body.toString());
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("memo").contains("invisible");
            assertThat(api.balance(a)).isEqualTo(100000);
            body.put("memo", "🚀 rent 👩\u200D🚀 ❤\uFE0F");
            assertThat(api.post("/api/v1/transactions", a.token(), body.toString())
                            .status())
                    .as("emoji keep their joiners")
                    .isEqualTo(201);

            var key = JsonNodeFactory.instance.objectNode();
            key.put("description", "Noodle\u2067 stall");
            key.put("account_number", b.accountNumber());
            key.putArray("scopes").add("transactions:create");
            Api.Res k = api.post("/api/admin/api-keys", api.gm().token(), key.toString());
            assertThat(k.status()).as(k.body()).isEqualTo(400);
            assertThat(k.json().get("error").asText()).contains("description");
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
