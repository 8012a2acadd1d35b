import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Checks the ledger invariants directly on a stopped service's SQLite file, with SQL of its own
 * (not the service's verifier), using only the sqlite-jdbc driver inside the fat jar:
 * balances sum to 0; every balance equals credits minus debits of the journal; nobody but
 * NC-SYST-EM00 is negative; every journal row is a positive movement between two accounts.
 *
 * <p>Run: {@code java -cp api/target/neobank.jar bench/VerifyLedger.java <neobank.db>}. Exits 0 when
 * all hold, 1 otherwise. Prints {@code invariants_ok=true|false} and {@code transfer_rows=<n>} for scripts.
 */
public final class VerifyLedger {
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: VerifyLedger <path/to/neobank.db>");
            System.exit(2);
        }
        Properties props = new Properties();
        props.setProperty("open_mode", "1"); // SQLITE_OPEN_READONLY
        List<String> violations = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0], props);
             Statement st = c.createStatement()) {
            long sum = one(st, "SELECT COALESCE(SUM(balance), 0) FROM accounts");
            long accounts = one(st, "SELECT COUNT(*) FROM accounts");
            long rows = one(st, "SELECT COUNT(*) FROM transactions");
            long transfers = one(st, "SELECT COUNT(*) FROM transactions WHERE type = 'transfer'");
            long mint = one(st, "SELECT COALESCE(MIN(balance), 0) FROM accounts WHERE account_number = 'NC-SYST-EM00'");
            if (sum != 0) {
                violations.add("balances sum to " + sum + " hundredths, not 0");
            }
            try (ResultSet rs = st.executeQuery("SELECT a.account_number, a.balance,"
                    + " (SELECT COALESCE(SUM(amount), 0) FROM transactions WHERE to_account_id = a.id)"
                    + " - (SELECT COALESCE(SUM(amount), 0) FROM transactions WHERE from_account_id = a.id)"
                    + " FROM accounts a ORDER BY a.id")) {
                while (rs.next()) {
                    if (rs.getLong(2) != rs.getLong(3)) {
                        violations.add("account " + rs.getString(1) + " balance " + rs.getLong(2)
                                + " but journal says " + rs.getLong(3));
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT account_number, balance FROM accounts"
                    + " WHERE balance < 0 AND account_number <> 'NC-SYST-EM00'")) {
                while (rs.next()) {
                    violations.add("account " + rs.getString(1) + " is negative: " + rs.getLong(2));
                }
            }
            long bad = one(st, "SELECT COUNT(*) FROM transactions WHERE amount <= 0 OR from_account_id = to_account_id");
            if (bad != 0) {
                violations.add(bad + " journal rows are not positive movements between two accounts");
            }
            System.out.printf("ledger file: %d accounts, %d journal rows (%d transfers), money supply %.2f%n",
                    accounts, rows, transfers, -mint / 100.0);
            violations.stream().limit(20).forEach(v -> System.out.println("VIOLATION: " + v));
            System.out.println("transfer_rows=" + transfers);
            System.out.println("invariants_ok=" + violations.isEmpty());
        } catch (SQLException e) {
            System.out.println("VIOLATION: cannot read the database: " + e.getMessage());
            System.out.println("invariants_ok=false");
            System.exit(1);
        }
        System.exit(violations.isEmpty() ? 0 : 1);
    }

    private static long one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
