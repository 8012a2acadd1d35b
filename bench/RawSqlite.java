import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * This machine's raw SQLite limit for the work of one P2P transfer: per durable commit, two
 * guarded balance updates and one journal insert (WAL, synchronous=FULL, one thread, prepared
 * statements reused). No HTTP, no JSON, no group commit: one transfer = one fsync'd COMMIT.
 *
 * <p>Run: {@code java -cp api/target/neobank.jar bench/RawSqlite.java [seconds] [dir]}.
 * Prints one line {@code raw_commits_per_s=<n>} last, for scripts.
 */
public final class RawSqlite {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path dir = args.length > 1 ? Files.createTempDirectory(Path.of(args[1]), "rawsqlite")
                : Files.createTempDirectory("rawsqlite");
        Path file = dir.resolve("raw.db");
        Properties props = new Properties();
        props.setProperty("journal_mode", "WAL");
        props.setProperty("synchronous", "FULL");
        props.setProperty("busy_timeout", "10000");
        props.setProperty("foreign_keys", "true");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, props)) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                checkPragma(st, "journal_mode", "wal");
                checkPragma(st, "synchronous", "2");
                // The same shape as the service's schema (001-foundation.xml), so the same index work.
                st.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " account_number VARCHAR(16) NOT NULL UNIQUE, character_name VARCHAR(64) NOT NULL,"
                        + " frozen BOOLEAN NOT NULL DEFAULT FALSE, balance BIGINT NOT NULL DEFAULT 0,"
                        + " created_at BIGINT NOT NULL, CHECK (balance >= 0 OR account_number = 'NC-SYST-EM00'))");
                st.execute("CREATE TABLE transactions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                        + " from_account_id INTEGER NOT NULL REFERENCES accounts(id),"
                        + " to_account_id INTEGER NOT NULL REFERENCES accounts(id),"
                        + " amount BIGINT NOT NULL CHECK (amount > 0), memo VARCHAR(140) NOT NULL DEFAULT '',"
                        + " type VARCHAR(32) NOT NULL, created_at BIGINT NOT NULL, idempotency_key VARCHAR(64),"
                        + " actor VARCHAR(80) NOT NULL, CHECK (from_account_id <> to_account_id))");
                st.execute("CREATE INDEX tx_from ON transactions (from_account_id, id)");
                st.execute("CREATE INDEX tx_to ON transactions (to_account_id, id)");
                st.execute("BEGIN");
                for (int i = 1; i <= 200; i++) {
                    st.execute("INSERT INTO accounts (account_number, character_name, balance, created_at) VALUES"
                            + " ('NC-" + String.format("%04d-%04d", i, i) + "', 'player" + i + "', 100000, 0)");
                }
                st.execute("COMMIT");
            }
            int accounts = 200;
            SplittableRandom rnd = new SplittableRandom(42);
            try (Statement control = c.createStatement();
                 PreparedStatement debit = c.prepareStatement("UPDATE accounts SET balance = balance - ?"
                         + " WHERE id = ? AND balance >= ? AND (frozen = FALSE OR ?)");
                 PreparedStatement credit = c.prepareStatement("UPDATE accounts SET balance = balance + ?"
                         + " WHERE id = ? AND (frozen = FALSE OR ?)");
                 PreparedStatement journal = c.prepareStatement("INSERT INTO transactions (from_account_id,"
                         + " to_account_id, amount, memo, type, created_at, idempotency_key, actor)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                // A short warm-up so JIT and the page cache do not count.
                run(control, debit, credit, journal, rnd, accounts, 1_000_000_000L);
                long commits = 0;
                long refused = 0;
                long start = System.nanoTime();
                long end = start + seconds * 1_000_000_000L;
                while (System.nanoTime() < end) {
                    long[] r = run(control, debit, credit, journal, rnd, accounts, 100_000_000L);
                    commits += r[0];
                    refused += r[1];
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                double rate = commits / elapsed;
                long rows;
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM transactions")) {
                    rs.next();
                    rows = rs.getLong(1);
                }
                System.out.printf("raw sqlite: %d durable commits in %.2f s (%d refused), %d journal rows, file %s%n",
                        commits, elapsed, refused, rows, file);
                System.out.printf("raw_commits_per_s=%.1f%n", rate);
            }
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Transfers for about {@code nanos}; returns {commits, refused}. */
    private static long[] run(Statement control, PreparedStatement debit, PreparedStatement credit,
                              PreparedStatement journal, SplittableRandom rnd, int accounts, long nanos)
            throws SQLException {
        long commits = 0;
        long refused = 0;
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            long from = 1 + rnd.nextInt(accounts);
            long to = 1 + rnd.nextInt(accounts - 1);
            if (to >= from) {
                to++;
            }
            long amount = 1 + rnd.nextInt(100);
            control.execute("BEGIN IMMEDIATE");
            boolean ok;
            // Lock order as in the service's Ledger: lower id first.
            if (from < to) {
                ok = debit(debit, from, amount) && credit(credit, to, amount);
            } else {
                ok = credit(credit, to, amount) && debit(debit, from, amount);
            }
            if (ok) {
                journal.setLong(1, from);
                journal.setLong(2, to);
                journal.setLong(3, amount);
                journal.setString(4, "bench");
                journal.setString(5, "transfer");
                journal.setLong(6, System.currentTimeMillis());
                journal.setString(7, null);
                journal.setString(8, "player:bench");
                journal.executeUpdate();
                control.execute("COMMIT");
                commits++;
            } else {
                control.execute("ROLLBACK");
                refused++;
            }
        }
        return new long[] {commits, refused};
    }

    private static boolean debit(PreparedStatement ps, long id, long amount) throws SQLException {
        ps.setLong(1, amount);
        ps.setLong(2, id);
        ps.setLong(3, amount);
        ps.setBoolean(4, false);
        return ps.executeUpdate() == 1;
    }

    private static boolean credit(PreparedStatement ps, long id, long amount) throws SQLException {
        ps.setLong(1, amount);
        ps.setLong(2, id);
        ps.setBoolean(3, false);
        return ps.executeUpdate() == 1;
    }

    private static void checkPragma(Statement st, String pragma, String expected) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
            rs.next();
            String got = rs.getString(1);
            if (!expected.equalsIgnoreCase(got)) {
                throw new IllegalStateException("PRAGMA " + pragma + " is " + got + ", expected " + expected);
            }
        }
    }
}
