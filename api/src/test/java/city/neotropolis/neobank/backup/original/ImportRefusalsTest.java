package city.neotropolis.neobank.backup.original;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.external.ApiKeyScope;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.db.DataSourceFactory;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("import-original")
class ImportRefusalsTest {
    static Path original;

    @BeforeAll
    static void buildOriginal() throws Exception {
        original = TestApp.tempDir().resolve("original.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + original)) {
            OriginalFixture.build(c, false);
        }
    }

    static final OriginalImport.Options DEFAULTS = new OriginalImport.Options(null, List.of(), false);

    static DataSourceFactory target(Path dir) {
        DataSourceFactory dsf = new DataSourceFactory();
        dsf.setUrl("jdbc:sqlite:" + dir.resolve("neobank.db"));
        return dsf;
    }

    /** The import as the command runs it; what it prints (Liquibase's summary too) is kept out of the test log. */
    static ImportReport importInto(Path dir, Path source, OriginalImport.Options options) throws Exception {
        PrintStream stdout = System.out;
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        System.setOut(sink);
        try {
            return ImportOriginalCommand.importOriginal(
                    target(dir), source.toString(), null, null, options, Clock.systemUTC(), sink);
        } finally {
            System.setOut(stdout);
        }
    }

    static long count(Path dir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("neobank.db"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A copy of the fixture, changed by {@code statements}. */
    static Path copyOfOriginal(String name, String... statements) throws Exception {
        Path copy = TestApp.tempDir().resolve(name);
        Files.copy(original, copy);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy);
                Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
        return copy;
    }

    @Nested
    @DisplayName("refuses a source that is not the original's database, before touching the target")
    class BadSource {
        @Test
        @DisplayName("a copy cut off mid-way")
        void cutOff() throws Exception {
            Path cut = copyOfOriginal("cut.db");
            try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
                ch.truncate(Files.size(cut) / 2);
            }
            Path dir = TestApp.tempDir();
            assertThatThrownBy(() -> importInto(dir, cut, DEFAULTS))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is cut off: its header says");
            assertThat(dir.resolve("neobank.db")).doesNotExist();
        }

        @Test
        @DisplayName("a file of another kind")
        void foreign() throws Exception {
            Path text = TestApp.tempDir().resolve("original.db");
            Files.writeString(text, "character_name,balance\nRook,1000.3\n".repeat(100));
            Path dir = TestApp.tempDir();
            assertThatThrownBy(() -> importInto(dir, text, DEFAULTS)).hasMessageContaining("is not a SQLite database");
            assertThat(dir.resolve("neobank.db")).doesNotExist();
        }

        @Test
        @DisplayName("another SQLite database (a NeoBank backup, say), or one missing a column the import reads")
        void otherSchema() throws Exception {
            Path ours = TestApp.tempDir().resolve("neobank-backup.db");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ours);
                    Statement s = c.createStatement()) {
                s.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance BIGINT)");
            }
            Path dir = TestApp.tempDir();
            assertThatThrownBy(() -> importInto(dir, ours, DEFAULTS))
                    .hasMessageContaining("is not the original NeoBank's database: it has no table users")
                    .hasMessageContaining("use restore");
            Path older = copyOfOriginal("older.db", "ALTER TABLE users DROP COLUMN free_spins");
            assertThatThrownBy(() -> importInto(dir, older, DEFAULTS))
                    .hasMessageContaining("table users has no column free_spins");
            assertThat(dir.resolve("neobank.db")).doesNotExist();
        }

        @Test
        @DisplayName("two characters that are one name here, listing them, and writes nothing")
        void sameName() throws Exception {
            Path clash = copyOfOriginal(
                    "clash.db",
                    "INSERT INTO users (id, character_name, password_hash, account_number, balance, is_admin, "
                            + "free_spins, created_at) VALUES (8, 'ROOK', 'x', 'NC-ROOK-0099', 1.0, 0, 0, "
                            + "'2026-05-01 18:30:15.000000')");
            Path dir = TestApp.tempDir();
            assertThatThrownBy(() -> importInto(dir, clash, DEFAULTS))
                    .hasMessageContaining("'Rook' and 'ROOK' are the same name here")
                    .hasMessageContaining("nothing was written");
            assertThat(count(dir, "SELECT COUNT(*) FROM accounts")).isZero();
        }
    }

    @Test
    @DisplayName("refuses an original without a GM but with a character named admin (the first start would fail)")
    void adminWithoutGm() throws Exception {
        Path noGm = copyOfOriginal(
                "no-gm.db",
                "UPDATE users SET is_admin = 0 WHERE id > 1",
                "UPDATE users SET character_name = 'Admin' WHERE id = 5");
        Path dir = TestApp.tempDir();
        assertThatThrownBy(() -> importInto(dir, noGm, DEFAULTS)).hasMessageContaining("no character is a GM");
        assertThat(count(dir, "SELECT COUNT(*) FROM accounts")).isZero();
    }

    @Nested
    @DisplayName("refuses a target that is not empty")
    class BadTarget {
        @Test
        @DisplayName("one where the service has already started (mint, house, bankroll)")
        void started() throws Exception {
            Path dir = TestApp.tempDir();
            importInto(dir, original, new OriginalImport.Options(null, List.of(), true));
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("neobank.db"));
                    Statement s = c.createStatement()) {
                s.execute("INSERT INTO accounts (account_number, character_name, name_key, is_system, created_at) "
                        + "VALUES ('NC-SYST-EM00', 'NeoBank Mint', 'system:mint', TRUE, 0)");
            }
            assertThatThrownBy(() -> importInto(dir, original, DEFAULTS))
                    .hasMessageContaining("the service has already started on the target database");
            assertThat(count(dir, "SELECT COUNT(*) FROM accounts")).isEqualTo(1);
        }

        @Test
        @DisplayName("one that already has characters, the second import, which changes nothing")
        void twice() throws Exception {
            Path dir = TestApp.tempDir();
            importInto(dir, original, DEFAULTS);
            long accounts = count(dir, "SELECT COUNT(*) FROM accounts");
            long txs = count(dir, "SELECT COUNT(*) FROM transactions");
            assertThatThrownBy(() -> importInto(dir, original, DEFAULTS))
                    .hasMessageContaining("already has 5 characters");
            assertThat(count(dir, "SELECT COUNT(*) FROM accounts")).isEqualTo(accounts);
            assertThat(count(dir, "SELECT COUNT(*) FROM transactions")).isEqualTo(txs);
        }
    }

    @Nested
    @DisplayName("binds the original's keys as the operator says")
    class Keys {
        @Test
        @DisplayName("to an imported account with the given scopes")
        void bound() throws Exception {
            Path dir = TestApp.tempDir();
            importInto(
                    dir,
                    original,
                    new OriginalImport.Options(
                            OriginalFixture.VENDOR.number().toLowerCase(), List.of("charge", " balance:read"), false));
            long vendor = count(
                    dir, "SELECT id FROM accounts WHERE account_number = '" + OriginalFixture.VENDOR.number() + "'");
            assertThat(count(
                            dir,
                            "SELECT COUNT(*) FROM api_keys WHERE account_id = " + vendor
                                    + " AND scopes = 'balance:read,charge'"))
                    .isEqualTo(2);
            long lastUsed =
                    OriginalFixture.T0.plusMinutes(1).toInstant(ZoneOffset.UTC).toEpochMilli();
            assertThat(count(dir, "SELECT COUNT(*) FROM api_keys WHERE is_active = TRUE AND last_used = " + lastUsed))
                    .as("last use kept")
                    .isEqualTo(1);
            assertThat(count(dir, "SELECT COUNT(*) FROM api_keys WHERE is_active = FALSE AND last_used IS NULL"))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("refusing an unknown scope or account before writing")
        void refused() throws Exception {
            Path dir = TestApp.tempDir();
            assertThatThrownBy(() -> importInto(dir, original, new OriginalImport.Options(null, List.of("all"), false)))
                    .hasMessageContaining("unknown scope 'all'");
            assertThatThrownBy(() ->
                            importInto(dir, original, new OriginalImport.Options("NC-NONE-0000", List.of(), false)))
                    .hasMessageContaining("is not one of the imported accounts");
            assertThat(count(dir, "SELECT COUNT(*) FROM accounts")).isZero();
        }

        @Test
        @DisplayName("with the same scope names as the terminals' own")
        void sameScopes() {
            assertThat(TargetRows.KNOWN_SCOPES)
                    .containsExactlyElementsOf(Arrays.stream(ApiKeyScope.values())
                            .map(ApiKeyScope::code)
                            .toList());
        }
    }

    @Test
    @DisplayName("reports each odd row it could not carry as it was, and the books still verify")
    void oddRows() throws Exception {
        String t = "'2026-05-02 10:00:00.000000'";
        Path odd = copyOfOriginal(
                "odd.db",
                "INSERT INTO transactions VALUES (13, 5, 99, 4.0, 'to nobody', " + t + ", 'transfer')",
                "INSERT INTO transactions VALUES (14, 5, 6, 0.001, 'dust', " + t + ", 'transfer')",
                "INSERT INTO transactions VALUES (15, 5, 6, -3.0, 'backwards', " + t + ", 'transfer')",
                "INSERT INTO transactions VALUES (16, 1, 6, 7.0, NULL, " + t + ", 'faction_bonus')",
                "INSERT INTO transactions VALUES (17, 6, 5, 1.0, '" + "m".repeat(150) + "', " + t + ", 'transfer')",
                "UPDATE users SET password_hash = 'plain-text' WHERE id = 7",
                "UPDATE users SET balance = -12.5 WHERE id = 6");
        Path dir = TestApp.tempDir();
        ImportReport r = importInto(dir, odd, DEFAULTS);
        assertThat(r.changes())
                .contains(
                        "transaction #13 not imported: to account 99 does not exist (4)",
                        "transaction #15 had a negative amount -3: imported the other way round",
                        "transaction #16 has type 'faction_bonus': imported as transfer",
                        "transaction #17 memo cut to 140 characters",
                        "'Noodle Stall' cannot log in: the stored password hash is not bcrypt (a GM resets the password)",
                        "balance of NC-KAI0-0004 'Kai 🐉' was -12.5: set to 0.00 (only the mint may be negative)");
        assertThat(r.roundings()).contains("transaction #14 amount: 0.001 -> 0");
        assertThat(r.changes()).contains("transaction #14 not imported: its amount is 0.00");
        assertThat(r.verification()).startsWith("ok: 7 accounts, ");
        assertThat(count(dir, "SELECT COUNT(*) FROM transactions WHERE id IN (13, 14)"))
                .isZero();
        assertThat(count(dir, "SELECT balance FROM accounts WHERE account_number = 'NC-KAI0-0004'"))
                .isZero();
    }
}
