package city.neotropolis.neobank.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Restoring a backup")
class RestoreTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

    static Api api;
    static Api.Session gm;
    static Api.Session alice;
    static Api.Session bob;
    static Path backup;
    static long backupTransactions;

    @BeforeAll
    static void takeBackup() {
        api = TestApp.api(APP);
        gm = api.gm();
        alice = api.player("alice");
        bob = api.player("bob");
        api.post(
                "/api/v1/transactions",
                alice.token(),
                "{\"to_account\":\"" + bob.accountNumber() + "\",\"amount\":42}");
        Api.Res r = api.post("/api/admin/backups", gm.token(), "");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        backup = Path.of(APP.getConfiguration().getBank().dataDir)
                .resolve("backups")
                .resolve(r.json().at("/backup/name").asText());
        backupTransactions = r.json().at("/backup/transactions").asLong();
        // After the backup: this must not come back with the restore.
        api.post(
                "/api/v1/transactions", alice.token(), "{\"to_account\":\"" + bob.accountNumber() + "\",\"amount\":8}");
    }

    static String url(Path dir) {
        return "jdbc:sqlite:" + dir.resolve("neobank.db");
    }

    /** Runs {@code neobank.jar restore test-config.yml FILE} through Dropwizard's own command line. */
    static Optional<Throwable> restoreCommand(Path dataDir, Path file, ByteArrayOutputStream out) throws Exception {
        String[] keys = {"dw.database.url", "dw.bank.dataDir"};
        String[] saved = {System.getProperty(keys[0]), System.getProperty(keys[1])};
        System.setProperty(keys[0], url(dataDir));
        System.setProperty(keys[1], dataDir.toString());
        PrintStream stdout = System.out;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            NeoBankApplication app = new NeoBankApplication();
            Bootstrap<NeoBankConfiguration> bootstrap = new Bootstrap<>(app);
            app.initialize(bootstrap);
            return new Cli(new JarLocation(RestoreTest.class), bootstrap, out, out)
                    .run("restore", ResourceHelpers.resourceFilePath("test-config.yml"), file.toString());
        } finally {
            System.setOut(stdout);
            for (int i = 0; i < keys.length; i++) {
                if (saved[i] == null) {
                    System.clearProperty(keys[i]);
                } else {
                    System.setProperty(keys[i], saved[i]);
                }
            }
        }
    }

    @Nested
    @DisplayName("into a fresh data dir")
    class Fresh {
        @Test
        @DisplayName("with the restore command, then the service starts on it and serves the backed-up data")
        void restoreAndStart() throws Exception {
            Path dir = TestApp.tempDir();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Optional<Throwable> failure = restoreCommand(dir, backup, out);
            assertThat(failure).as(out.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("integrity ok")
                    .contains("Restored");
            assertThat(dir.resolve("neobank.db")).exists();

            DropwizardAppExtension<NeoBankConfiguration> restored = new DropwizardAppExtension<>(
                    NeoBankApplication.class,
                    ResourceHelpers.resourceFilePath("test-config.yml"),
                    ConfigOverride.config("database.url", url(dir)),
                    ConfigOverride.config("bank.dataDir", dir.toString()));
            restored.before();
            try {
                Api there = TestApp.api(restored);
                Api.Session a = there.login(alice.name(), "password1");
                Api.Session b = there.login(bob.name(), "password1");
                assertThat(there.balance(a)).isEqualTo(100000 - 4200);
                assertThat(there.balance(b)).isEqualTo(100000 + 4200);
                Api.Session restoredGm = there.gm();
                var verify = there.get("/api/admin/ledger/verify", restoredGm.token())
                        .json();
                assertThat(verify.get("ok").asBoolean()).isTrue();
                assertThat(verify.get("transactions").asLong()).isEqualTo(backupTransactions);
                Api.Res pay = there.post(
                        "/api/v1/transactions",
                        a.token(),
                        "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":1}");
                assertThat(pay.status()).as("and keeps working").isEqualTo(201);
            } finally {
                restored.after();
            }
        }

        @Test
        @DisplayName("moves a database already there aside instead of overwriting it")
        void movesAside() throws Exception {
            Path dir = TestApp.tempDir();
            RestoreCommand.restore(
                    url(dir),
                    backup,
                    NeoBankApplication.SECRET_RENEWALS,
                    Clock.systemUTC(),
                    new PrintStream(new ByteArrayOutputStream()));
            Files.writeString(dir.resolve("neobank.db-wal"), "pretend wal");
            Path aside = RestoreCommand.restore(
                    url(dir),
                    backup,
                    NeoBankApplication.SECRET_RENEWALS,
                    Clock.systemUTC(),
                    new PrintStream(new ByteArrayOutputStream()));
            assertThat(aside).exists();
            assertThat(aside.getFileName().toString()).startsWith("neobank.db.before-restore-");
            assertThat(aside.resolveSibling(aside.getFileName() + "-wal")).hasContent("pretend wal");
            assertThat(dir.resolve("neobank.db-wal")).doesNotExist();
            assertThat(BackupCheck.check(dir.resolve("neobank.db")).ok()).isTrue();
        }
    }

    @Nested
    @DisplayName("is refused")
    class Refused {
        @Test
        @DisplayName("for a file that is not a sound database, and nothing is touched")
        void corrupt() throws Exception {
            Path dir = TestApp.tempDir();
            Path junk = dir.resolve("junk.db");
            Files.write(
                    junk, "this is not a database at all, just text".repeat(200).getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(restoreCommand(dir, junk, out)).isPresent();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Refusing to restore");
            assertThat(dir.resolve("neobank.db")).doesNotExist();
        }

        @Test
        @DisplayName("for a copy whose books do not balance")
        void tampered() throws Exception {
            Path dir = TestApp.tempDir();
            Path copy = dir.resolve("tampered.db");
            Files.copy(backup, copy);
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                    Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE accounts SET balance = balance + 100 WHERE account_number = '"
                        + alice.accountNumber() + "'");
            }
            assertThatThrownBy(() -> RestoreCommand.restore(
                            url(dir),
                            copy,
                            NeoBankApplication.SECRET_RENEWALS,
                            Clock.systemUTC(),
                            new PrintStream(new ByteArrayOutputStream())))
                    .hasMessageContaining("Ledger invariant violated");
            assertThat(dir.resolve("neobank.db")).doesNotExist();
        }

        @Test
        @DisplayName("while the service runs on the database")
        void whileRunning() throws Exception {
            String live = APP.getConfiguration().getDatabase().getUrl();
            Path db = RestoreCommand.databaseFile(live);
            long size = Files.size(db);
            assertThatThrownBy(() -> RestoreCommand.restore(
                            live,
                            backup,
                            NeoBankApplication.SECRET_RENEWALS,
                            Clock.systemUTC(),
                            new PrintStream(new ByteArrayOutputStream())))
                    .hasMessageContaining("stop it");
            assertThat(db).exists();
            assertThat(Files.size(db)).isEqualTo(size);
            try (var files = Files.list(db.getParent())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
            }
            assertThat(api.balance(alice)).isEqualTo(100000 - 5000);
        }

        @Test
        @DisplayName("from the command line while the service runs: one clear line, no stack trace, exit non-zero")
        void whileRunningFromTheCommandLine() throws Exception {
            Path dataDir = Path.of(APP.getConfiguration().getBank().dataDir);
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            Optional<Throwable> failed = restoreCommand(dataDir, backup, out);

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(failed).as("Dropwizard exits 1 when the command failed").isPresent();
            assertThat(printed)
                    .contains("restore: The service is running on")
                    .contains("stop it, then restore")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }
}
