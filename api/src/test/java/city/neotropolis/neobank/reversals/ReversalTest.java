package city.neotropolis.neobank.reversals;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
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

@DisplayName("A GM reverses a mistaken movement")
class ReversalTest {

    /** The same story on either database. */
    abstract static class Story {
        abstract DropwizardAppExtension<NeoBankConfiguration> app();

        Api api() {
            return TestApp.api(app());
        }

        long transfer(Api api, Api.Session from, Api.Session to, String amount) {
            Api.Res r = api.post(
                    "/api/v1/transactions",
                    from.token(),
                    "{\"to_account\":\"" + to.accountNumber() + "\",\"amount\":" + amount + ",\"memo\":\"oops\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r.json().at("/transaction/id").asLong();
        }

        Api.Res reverse(Api api, String token, long id, String body, String... headers) {
            return api.post("/api/admin/transactions/" + id + "/reverse", token, body, headers);
        }

        JsonNode row(Api api, Api.Session who, long id) {
            for (JsonNode tx : api.get("/api/v1/account/transactions?limit=100", who.token())
                    .json()
                    .get("transactions")) {
                if (tx.get("id").asLong() == id) {
                    return tx;
                }
            }
            throw new AssertionError("transaction #" + id + " not in " + who.name() + "'s history");
        }

        void booksVerify() {
            assertThat(new LedgerVerifier(
                                    app().<NeoBankApplication>getApplication().database())
                            .verify()
                            .ok())
                    .isTrue();
        }

        long journalRows() {
            return app().<NeoBankApplication>getApplication()
                    .database()
                    .reads()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions")
                            .mapTo(Long.class)
                            .one());
        }

        @Test
        @DisplayName("moves the amount back once, linked both ways in player and GM history, audited")
        void happyPath() {
            Api api = api();
            Api.Session gm = api.gm();
            Api.Session alice = api.player("revAlice");
            Api.Session bob = api.player("revBob");
            long id = transfer(api, alice, bob, "12.5");

            Api.Res r = reverse(api, gm.token(), id, "{\"reason\":\"sent to the wrong runner\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long rid = r.json().at("/reversal/id").asLong();
            assertThat(r.json().at("/reversal/type").asText()).isEqualTo("reversal");
            assertThat(r.json().at("/reversal/reversal_of").asLong()).isEqualTo(id);
            assertThat(r.json().at("/reversal/from_account").asText()).isEqualTo(bob.accountNumber());
            assertThat(r.json().at("/reversal/to_account").asText()).isEqualTo(alice.accountNumber());
            assertThat(r.json().at("/reversal/memo").asText())
                    .isEqualTo("Reversal of #" + id + ": sent to the wrong runner");
            assertThat(r.json().at("/original/reversed_by").asLong()).isEqualTo(rid);
            assertThat(api.balance(alice)).isEqualTo(100_000);
            assertThat(api.balance(bob)).isEqualTo(100_000);

            assertThat(row(api, alice, id).get("reversed_by").asLong()).isEqualTo(rid);
            assertThat(row(api, bob, rid).get("reversal_of").asLong()).isEqualTo(id);
            // Rows outside a reversal carry no link fields at all.
            long plain = transfer(api, alice, bob, "1");
            assertThat(row(api, alice, plain).has("reversed_by")).isFalse();
            assertThat(row(api, alice, plain).has("reversal_of")).isFalse();

            JsonNode gmView = api.get("/api/admin/transactions?account=" + bob.accountNumber(), gm.token())
                    .json();
            assertThat(gmView.toString()).contains("\"reversed_by\":" + rid).contains("\"reversal_of\":" + id);
            JsonNode audit =
                    api.get("/api/admin/audit-logs?limit=5", gm.token()).json().get("logs");
            assertThat(audit.toString()).contains("reverse_transaction").contains("sent to the wrong runner");
            booksVerify();
        }

        @Test
        @DisplayName("refuses bad input, spins, reversals, missing funds and players with a JSON error; nothing moves")
        void refusals() {
            Api api = api();
            Api.Session gm = api.gm();
            Api.Session alice = api.player("revRefA");
            Api.Session bob = api.player("revRefB");
            long id = transfer(api, alice, bob, "5");
            long rows = journalRows();

            assertThat(reverse(api, gm.token(), id, "{}").json().get("error").asText())
                    .contains("reason");
            assertThat(reverse(api, gm.token(), id, "{\"reason\":\"  \"}").status())
                    .isEqualTo(400);
            assertThat(reverse(api, gm.token(), id, "{\"reason\":\"" + "x".repeat(141) + "\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(reverse(api, gm.token(), id, "{\"reason\":\"a\\u0000b\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(reverse(api, gm.token(), id, "{\"reason\":5}").status()).isEqualTo(400);
            assertThat(reverse(api, gm.token(), id, "not json").status()).isEqualTo(400);
            Api.Res word = api.post("/api/admin/transactions/abc/reverse", gm.token(), "{\"reason\":\"x\"}");
            assertThat(word.status()).isEqualTo(400);
            assertThat(word.json().get("error").asText()).contains("transaction id");
            Api.Res missing = reverse(api, gm.token(), 99_999_999L, "{\"reason\":\"x\"}");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().get("error").asText()).isEqualTo("Transaction not found");

            Api.Res asPlayer = reverse(api, alice.token(), id, "{\"reason\":\"mine\"}");
            assertThat(asPlayer.status()).isEqualTo(403);
            assertThat(reverse(api, null, id, "{\"reason\":\"x\"}").status()).isEqualTo(401);

            Api.Res spin = api.post("/api/v1/casino/glitch-grid/spin", alice.token(), "{\"bet_amount\":10}");
            assertThat(spin.status()).as(spin.body()).isEqualTo(200);
            long spinRows = journalRows();
            JsonNode bet = api.get("/api/v1/account/transactions?limit=1", alice.token())
                    .json()
                    .at("/transactions/0");
            assertThat(bet.get("type").asText()).isIn("casino_bet", "casino_win");
            Api.Res noSpin = reverse(api, gm.token(), bet.get("id").asLong(), "{\"reason\":\"lucky\"}");
            assertThat(noSpin.status()).isEqualTo(400);
            assertThat(noSpin.json().get("error").asText()).contains("Casino spins are not reversible");
            assertThat(journalRows()).isEqualTo(spinRows);

            // Bob spends what he received: the reversal would take him below zero, so it is refused.
            long bobBalance = api.balance(bob);
            Api.Session carol = api.player("revRefC");
            transfer(
                    api,
                    bob,
                    carol,
                    new java.math.BigDecimal(bobBalance).movePointLeft(2).toPlainString());
            long before = journalRows();
            Api.Res broke = reverse(api, gm.token(), id, "{\"reason\":\"too late\"}");
            assertThat(broke.status()).isEqualTo(400);
            assertThat(broke.json().get("error").asText())
                    .contains(bob.accountNumber())
                    .contains("nothing moved");
            assertThat(journalRows()).isEqualTo(before);
            assertThat(api.balance(bob)).isZero();

            // A reversal itself cannot be reversed.
            long back = transfer(api, carol, bob, "5");
            Api.Res ok = reverse(api, gm.token(), back, "{\"reason\":\"undo\"}");
            assertThat(ok.status()).as(ok.body()).isEqualTo(201);
            Api.Res twice =
                    reverse(api, gm.token(), ok.json().at("/reversal/id").asLong(), "{\"reason\":\"redo\"}");
            assertThat(twice.status()).isEqualTo(400);
            assertThat(twice.json().get("error").asText()).contains("cannot itself be reversed");
            Api.Res again = reverse(api, gm.token(), back, "{\"reason\":\"undo\"}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("error").asText()).contains("already been reversed");
            assertThat(rows).isLessThan(journalRows());
            booksVerify();
        }

        @Test
        @DisplayName("a retry with the same Idempotency-Key replays the answer and moves nothing again")
        void idempotent() {
            Api api = api();
            Api.Session gm = api.gm();
            Api.Session a = api.player("revIdA");
            Api.Session b = api.player("revIdB");
            long id = transfer(api, a, b, "3");
            Api.Res first = reverse(api, gm.token(), id, "{\"reason\":\"retry\"}", "Idempotency-Key", "rev-" + id);
            Api.Res second = reverse(api, gm.token(), id, "{\"reason\":\"retry\"}", "Idempotency-Key", "rev-" + id);
            assertThat(first.status()).isEqualTo(201);
            assertThat(second.status()).isEqualTo(201);
            assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(second.json()).isEqualTo(first.json());
            Api.Res other = reverse(api, gm.token(), id, "{\"reason\":\"other\"}", "Idempotency-Key", "rev-" + id);
            assertThat(other.status()).isEqualTo(422);
            assertThat(api.balance(a)).isEqualTo(100_000);
            booksVerify();
        }

        @Test
        @DisplayName("pressed by 10 threads (two GMs) at once: one reversal moves, the others get 409")
        void tenThreads() throws Exception {
            Api api = api();
            Api.Session gm = api.gm();
            Api.Res second = api.post(
                    "/api/admin/users",
                    gm.token(),
                    "{\"character_name\":\"" + Api.uniqueName("revGm") + "\",\"password\":\"password1\"}");
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            String secondName = second.json().at("/user/character_name").asText();
            assertThat(api.post(
                                    "/api/admin/users/"
                                            + second.json()
                                                    .at("/user/account_number")
                                                    .asText() + "/toggle-admin",
                                    gm.token(),
                                    "{}")
                            .status())
                    .isEqualTo(200);
            Api.Session gm2 = api.login(secondName, "password1");
            Api.Session a = api.player("revRaceA");
            Api.Session b = api.player("revRaceB");
            long id = transfer(api, a, b, "40");
            long rows = journalRows();

            ExecutorService pool = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Res>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String token = (i % 2 == 0 ? gm : gm2).token();
                answers.add(pool.submit(() -> {
                    go.await();
                    return reverse(api, token, id, "{\"reason\":\"race\"}");
                }));
            }
            go.countDown();
            int created = 0;
            int conflicts = 0;
            for (Future<Api.Res> f : answers) {
                Api.Res r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isIn(201, 409);
                assertThat(r.json().has(r.status() == 201 ? "reversal" : "error"))
                        .isTrue();
                if (r.status() == 201) {
                    created++;
                } else {
                    conflicts++;
                }
            }
            pool.shutdown();
            assertThat(created).isEqualTo(1);
            assertThat(conflicts).isEqualTo(9);
            assertThat(journalRows()).isEqualTo(rows + 1);
            assertThat(api.balance(a)).isEqualTo(100_000);
            assertThat(api.balance(b)).isEqualTo(100_000);
            booksVerify();
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
        static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres(
                ConfigOverride.config("rateLimits.enabled", "false"), ConfigOverride.config("database.maxSize", "16"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }
}
