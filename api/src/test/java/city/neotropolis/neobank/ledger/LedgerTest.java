package city.neotropolis.neobank.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.Core;
import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.support.TestApp;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The ledger and its group-committing writer, on a real SQLite file under the running service. */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The ledger")
class LedgerTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    Core core;
    long alice;
    long bob;

    @BeforeEach
    void accounts() {
        core = APP.<NeoBankApplication>getApplication().core();
        alice = create("Alice");
        bob = create("Bob");
    }

    long create(String prefix) {
        String name = prefix + System.nanoTime() % 1_000_000_000L;
        return core.db().writer().write(s -> core.accounts().create(s, new AccountService.NewAccount(name, null, "",
                false, Credits.of(100), "test"))).id();
    }

    long balance(long id) {
        return core.db().reads().withHandle(h -> h.createQuery("SELECT balance FROM accounts WHERE id = :id")
                .bind("id", id).mapTo(Long.class).one());
    }

    long journalRows() {
        return core.db().reads().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions")
                .mapTo(Long.class).one());
    }

    Movement move(long from, long to, String amount) {
        return Movement.of(from, to, Credits.parse(amount), TxType.TRANSFER, "test", "test");
    }

    @Nested
    @DisplayName("posting a movement")
    class Posting {
        @Test
        @DisplayName("moves both balances and writes one journal row")
        void moves() {
            long rows = journalRows();
            city.neotropolis.neobank.ledger.Posting p = core.db().writer().write(
                    s -> core.ledger().post(s, move(alice, bob, "40.25")));
            assertThat(p.fromBalance()).isEqualTo(Credits.parse("59.75"));
            assertThat(p.toBalance()).isEqualTo(Credits.parse("140.25"));
            assertThat(p.transaction().amount()).isEqualTo(Credits.parse("40.25"));
            assertThat(balance(alice)).isEqualTo(5975);
            assertThat(balance(bob)).isEqualTo(14025);
            assertThat(journalRows()).isEqualTo(rows + 1);
        }

        @Test
        @DisplayName("refuses an overdraft and leaves everything as it was")
        void overdraft() {
            long rows = journalRows();
            assertThatThrownBy(() -> core.db().writer().write(s -> core.ledger().post(s, move(alice, bob, "100.01"))))
                    .isInstanceOf(ApiException.class).hasMessage("Insufficient funds");
            assertThat(balance(alice)).isEqualTo(10000);
            assertThat(balance(bob)).isEqualTo(10000);
            assertThat(journalRows()).isEqualTo(rows);
        }

        @Test
        @DisplayName("refuses a frozen side, unless a GM makes the movement")
        void frozen() {
            core.db().writer().write(s -> s.handle().execute("UPDATE accounts SET frozen = TRUE WHERE id = ?", bob));
            assertThatThrownBy(() -> core.db().writer().write(s -> core.ledger().post(s, move(alice, bob, "1"))))
                    .hasMessageContaining("is frozen");
            core.db().writer().write(s -> core.ledger().post(s, move(alice, bob, "1").byGm()));
            assertThat(balance(bob)).isEqualTo(10100);
        }

        @Test
        @DisplayName("undoes the whole unit when something fails after the money moved")
        void atomic() {
            long rows = journalRows();
            assertThatThrownBy(() -> core.db().writer().write(s -> {
                core.ledger().post(s, move(alice, bob, "10"));
                core.ledger().post(s, move(bob, alice, "5"));
                throw new IllegalStateException("injected failure after two movements");
            })).hasMessageContaining("injected");
            assertThat(balance(alice)).isEqualTo(10000);
            assertThat(balance(bob)).isEqualTo(10000);
            assertThat(journalRows()).isEqualTo(rows);
        }
    }

    @Nested
    @DisplayName("group commit")
    class GroupCommit {
        @Test
        @DisplayName("commits many units together while a refused one fails alone")
        void independentUnits() throws Exception {
            List<CompletableFuture<city.neotropolis.neobank.ledger.Posting>> futures = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                // Every third unit asks for more than Alice could ever have.
                String amount = i % 3 == 0 ? "1000" : "0.10";
                futures.add(core.db().writer().submit(s -> core.ledger().post(s, move(alice, bob, amount))));
            }
            int ok = 0;
            int refused = 0;
            for (CompletableFuture<city.neotropolis.neobank.ledger.Posting> f : futures) {
                try {
                    f.get(30, TimeUnit.SECONDS);
                    ok++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).hasMessage("Insufficient funds");
                    refused++;
                }
            }
            assertThat(ok).isEqualTo(200);
            assertThat(refused).isEqualTo(100);
            assertThat(balance(alice)).isEqualTo(10000 - 200 * 10);
            assertThat(balance(bob)).isEqualTo(10000 + 200 * 10);
            assertThat(core.verifier().verify().ok()).isTrue();
        }
    }

    @Nested
    @DisplayName("idempotency")
    class Keys {
        @Test
        @DisplayName("answers 409 to the same key while the first request is still running")
        void inFlight() throws Exception {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> core.idempotency().run(
                    "acct:" + alice, "slow-key", "POST /test", "same", s -> {
                        started.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        core.ledger().post(s, move(alice, bob, "1"));
                        return new Idempotency.Reply(201, java.util.Map.of("ok", true));
                    }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> core.idempotency().run("acct:" + alice, "slow-key", "POST /test", "same",
                    s -> new Idempotency.Reply(201, "never runs")))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            Response replay = core.idempotency().run("acct:" + alice, "slow-key", "POST /test", "same",
                    s -> new Idempotency.Reply(201, "never runs"));
            assertThat(replay.getEntity()).isEqualTo("{\"ok\":true}");
            assertThat(balance(alice)).isEqualTo(9900);
        }
    }
}
