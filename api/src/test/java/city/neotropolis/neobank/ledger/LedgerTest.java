package city.neotropolis.neobank.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.accounts.Genesis;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Principals;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.support.TestApp;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

    Database db;
    Ledger ledger;
    Idempotency idempotency;
    AccountService accounts;
    long alice;
    long bob;

    /** The objects under test, built here on the running service's database (its mint and house exist already). */
    @BeforeEach
    void accounts() {
        Clock clock = Clock.systemUTC();
        db = APP.<NeoBankApplication>getApplication().database();
        ledger = new Ledger(Genesis.ensure(db, Credits.ZERO, clock), clock);
        idempotency = new Idempotency(db, APP.getObjectMapper(), clock);
        accounts = new AccountService(
                db,
                ledger,
                new Passwords(10),
                new Principals(id -> Optional.empty(), Duration.ofSeconds(1)),
                Credits.ZERO);
        alice = create("Alice");
        bob = create("Bob");
    }

    long create(String prefix) {
        String name = prefix + System.nanoTime() % 1_000_000_000L;
        return db.writer()
                .write(s -> accounts.create(
                        s, new AccountService.NewAccount(name, null, "", false, Credits.of(100), "test")))
                .id();
    }

    long balance(long id) {
        return db.reads()
                .withHandle(h -> h.createQuery("SELECT balance FROM accounts WHERE id = :id")
                        .bind("id", id)
                        .mapTo(Long.class)
                        .one());
    }

    long journalRows() {
        return db.reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions")
                        .mapTo(Long.class)
                        .one());
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
            city.neotropolis.neobank.ledger.Posting p =
                    db.writer().write(s -> ledger.post(s, move(alice, bob, "40.25")));
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
            assertThatThrownBy(() -> db.writer().write(s -> ledger.post(s, move(alice, bob, "100.01"))))
                    .isInstanceOf(ApiException.class)
                    .hasMessage("Insufficient funds");
            assertThat(balance(alice)).isEqualTo(10000);
            assertThat(balance(bob)).isEqualTo(10000);
            assertThat(journalRows()).isEqualTo(rows);
        }

        @Test
        @DisplayName("refuses a frozen side, unless a GM makes the movement")
        void frozen() {
            db.writer().write(s -> s.handle().execute("UPDATE accounts SET frozen = TRUE WHERE id = ?", bob));
            assertThatThrownBy(() -> db.writer().write(s -> ledger.post(s, move(alice, bob, "1"))))
                    .hasMessageContaining("cannot receive payments")
                    .hasMessageNotContaining("frozen");
            db.writer().write(s -> ledger.post(s, move(alice, bob, "1").byGm()));
            assertThat(balance(bob)).isEqualTo(10100);
        }

        @Test
        @DisplayName("undoes the whole unit when something fails after the money moved")
        void atomic() {
            long rows = journalRows();
            assertThatThrownBy(() -> db.writer().write(s -> {
                        ledger.post(s, move(alice, bob, "10"));
                        ledger.post(s, move(bob, alice, "5"));
                        throw new IllegalStateException("injected failure after two movements");
                    }))
                    .hasMessageContaining("injected");
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
                futures.add(db.writer().submit(s -> ledger.post(s, move(alice, bob, amount))));
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
            assertThat(new LedgerVerifier(db).verify().ok()).isTrue();
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
            CompletableFuture<Response> first = CompletableFuture.supplyAsync(() ->
                    idempotency.run("acct:" + alice, "slow-key", "POST /test", "same", s -> {
                        started.countDown();
                        release.await(30, TimeUnit.SECONDS);
                        ledger.post(s, move(alice, bob, "1"));
                        return new Idempotency.Reply(201, java.util.Map.of("ok", true));
                    }));
            assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> idempotency.run(
                            "acct:" + alice,
                            "slow-key",
                            "POST /test",
                            "same",
                            s -> new Idempotency.Reply(201, "never runs")))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(409));
            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).getStatus()).isEqualTo(201);
            Response replay = idempotency.run(
                    "acct:" + alice, "slow-key", "POST /test", "same", s -> new Idempotency.Reply(201, "never runs"));
            assertThat(replay.getEntity()).isEqualTo("{\"ok\":true}");
            assertThat(balance(alice)).isEqualTo(9900);
        }
    }
}
