package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@DisplayName("gm tx tail misses nothing")
class TxTailTest {

    /** {@code gm tx tail --after} the newest row now, running in the background, its output readable as it runs. */
    static final class Tail {
        final StringBuffer out = new StringBuffer();
        final CompletableFuture<Integer> exit;

        Tail(String url, Path home, String... options) {
            long newest = Service.gm(url, home, "", "tx", "list", "--limit", "1", "--json")
                    .json()
                    .at("/transactions/0/id")
                    .asLong();
            Writer outWriter = new Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    out.append(buf, off, len);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
            CommandLine cl = GmConsole.commandLine(
                    new GmConsole(new Io(Map.of(), Io.lines(new ByteArrayInputStream(new byte[0])), p -> null, false)));
            cl.setOut(new PrintWriter(outWriter, true));
            cl.setErr(new PrintWriter(new StringWriter(), true));
            List<String> args = new ArrayList<>(List.of(
                    "--url",
                    url,
                    "--home",
                    home.toString(),
                    "tx",
                    "tail",
                    "--json",
                    "--interval",
                    "50",
                    "--after",
                    Long.toString(newest)));
            args.addAll(List.of(options));
            exit = CompletableFuture.supplyAsync(() -> cl.execute(args.toArray(String[]::new)));
        }

        List<JsonNode> rows() {
            return AdminCommandsTest.jsonLines(out.toString());
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
    }

    /** A player pays another through the public API, as the phone app does. */
    static JsonNode pay(String url, Service.Player from, Service.Player to, String memo) {
        String token = Service.login(url, from.name(), Service.PLAYER_PASSWORD);
        return new Api(Api.newHttpClient(), url, token)
                .post(
                        "/api/v1/transactions",
                        Api.object()
                                .put("to_account", to.accountNumber())
                                .put("amount", 1)
                                .put("memo", memo));
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite {
        static final DropwizardAppExtension<NeoBankConfiguration> APP = Service.app();

        @Test
        @DisplayName("transfers made from many threads while it follows all appear, each once")
        void concurrentTransfers() throws Exception {
            String url = Service.url(APP);
            Path home = Service.loggedIn(url);
            List<Service.Player> players = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                players.add(Service.player(url, "Tailed"));
            }
            Tail tail = new Tail(url, home, "--count", "8", "--max-polls", "2000");

            List<CompletableFuture<JsonNode>> paid = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Service.Player from = players.get(i);
                Service.Player to = players.get((i + 1) % 8);
                String memo = "tail-" + i;
                paid.add(CompletableFuture.supplyAsync(() -> pay(url, from, to, memo)));
            }
            CompletableFuture.allOf(paid.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(tail.exit.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(tail.rows())
                    .extracting(r -> r.get("memo").asText())
                    .containsExactlyInAnyOrder(
                            "tail-0", "tail-1", "tail-2", "tail-3", "tail-4", "tail-5", "tail-6", "tail-7");
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = "city.neotropolis.gm.PgDatabase#available", disabledReason = PgDatabase.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres {
        static final AtomicReference<PgDatabase> DB = new AtomicReference<>();
        static final DropwizardAppExtension<NeoBankConfiguration> APP = new DropwizardAppExtension<>(
                        NeoBankApplication.class,
                        ResourceHelpers.resourceFilePath("gm-test-config.yml"),
                        ConfigOverride.config("database.url", () -> {
                            DB.set(PgDatabase.create());
                            return DB.get().url();
                        }),
                        ConfigOverride.config("database.user", PgDatabase.USER),
                        ConfigOverride.config(
                                "bank.dataDir",
                                Service.tempDir("neobank-gm-pg-").toString()))
                .addListener(new DropwizardAppExtension.ServiceListener<>() {
                    @Override
                    public void onStop(DropwizardAppExtension<NeoBankConfiguration> app) {
                        PgDatabase db = DB.getAndSet(null);
                        if (db != null) {
                            db.close();
                        }
                    }
                });

        /** Journal rows with the memo 'held' wait, id taken and not yet committed, until the test lets go. */
        static void holdRowsMemoHeld(Statement st) throws SQLException {
            st.execute("CREATE FUNCTION test_hold_journal() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN IF NEW.memo = 'held' THEN PERFORM pg_advisory_xact_lock(4242); END IF; "
                    + "RETURN NEW; END $$");
            st.execute("CREATE TRIGGER test_hold_journal AFTER INSERT ON transactions "
                    + "FOR EACH ROW EXECUTE FUNCTION test_hold_journal()");
            st.execute("SELECT pg_advisory_lock(4242)");
        }

        static boolean someoneWaitsForTheHold(Connection c) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(
                            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")) {
                rs.next();
                return rs.getInt(1) > 0;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        @DisplayName("a transfer that commits after a newer one (ids come before commit) is still shown")
        void lateCommit() throws Exception {
            String url = Service.url(APP);
            Path home = Service.loggedIn(url);
            Service.Player a = Service.player(url, "Slow");
            Service.Player b = Service.player(url, "Slow");
            Service.Player c = Service.player(url, "Quick");
            Service.Player d = Service.player(url, "Quick");
            try (Connection db = DB.get().connect();
                    Statement st = db.createStatement()) {
                holdRowsMemoHeld(st);
                Tail tail = new Tail(url, home, "--count", "2", "--max-polls", "400");

                CompletableFuture<JsonNode> held = CompletableFuture.supplyAsync(() -> pay(url, a, b, "held"));
                await("the held transfer has its id and waits", () -> someoneWaitsForTheHold(db));
                long quickId = pay(url, c, d, "quick").at("/transaction/id").asLong();
                await(
                        "tail has shown the quick transfer",
                        () -> tail.out.toString().contains("quick"));
                st.execute("SELECT pg_advisory_unlock(4242)");
                long heldId =
                        held.get(30, TimeUnit.SECONDS).at("/transaction/id").asLong();

                assertThat(heldId).as("the held transfer took its id first").isLessThan(quickId);
                assertThat(tail.exit.get(30, TimeUnit.SECONDS)).isZero();
                assertThat(tail.rows())
                        .extracting(
                                r -> r.get("memo").asText() + "#" + r.get("id").asLong())
                        .containsExactly("quick#" + quickId, "held#" + heldId);
            }
        }
    }
}
