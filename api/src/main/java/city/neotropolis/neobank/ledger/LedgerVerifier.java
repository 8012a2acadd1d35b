package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Checks the invariants of the books on one consistent snapshot and reports the first violation:
 * balances sum to zero, every balance equals its journal, nobody but the mint is negative, and
 * every journal row is a positive movement between two different accounts.
 */
public final class LedgerVerifier {

    /** The outcome: ok, or the first violation found; with the figures a GM wants to see either way. */
    public record Report(boolean ok, String violation, Credits moneySupply, long accounts, long transactions) {}

    private static final String SUM = "SELECT COALESCE(SUM(balance), 0) FROM accounts";
    private static final String MISMATCH = "SELECT a.account_number, a.balance, "
            + "COALESCE(c.s, 0) - COALESCE(d.s, 0) AS journal FROM accounts a "
            + "LEFT JOIN (SELECT to_account_id AS id, SUM(amount) AS s FROM transactions GROUP BY to_account_id) c "
            + "ON c.id = a.id "
            + "LEFT JOIN (SELECT from_account_id AS id, SUM(amount) AS s FROM transactions GROUP BY from_account_id) d "
            + "ON d.id = a.id WHERE a.balance <> COALESCE(c.s, 0) - COALESCE(d.s, 0) ORDER BY a.id LIMIT 1";
    private static final String NEGATIVE = "SELECT account_number, balance FROM accounts "
            + "WHERE balance < 0 AND account_number <> :mint ORDER BY id LIMIT 1";
    private static final String BAD_ROW =
            "SELECT id FROM transactions " + "WHERE amount <= 0 OR from_account_id = to_account_id ORDER BY id LIMIT 1";

    private final Database db;

    public LedgerVerifier(Database db) {
        this.db = db;
    }

    /** The two figures a dashboard watches, from two rows found by key: cheap enough for every scrape. */
    public record Supply(Credits moneySupply, Credits houseBalance) {}

    public Supply supply() {
        return db.reads()
                .withHandle(h -> new Supply(
                        new Credits(-balanceOf(h, SystemAccounts.MINT_NUMBER)),
                        new Credits(balanceOf(h, SystemAccounts.HOUSE_NUMBER))));
    }

    private static long balanceOf(Handle h, String accountNumber) {
        return h.createQuery("SELECT balance FROM accounts WHERE account_number = :n")
                .bind("n", accountNumber)
                .mapTo(Long.class)
                .findOne()
                .orElse(0L);
    }

    public Report verify() {
        return db.snapshot(LedgerVerifier::verify);
    }

    /** Runs the checks on a handle the caller keeps consistent (a snapshot, or a copy of the file). */
    public static Report verify(Handle h) {
        long sum = h.createQuery(SUM).mapTo(Long.class).one();
        long mint = h.createQuery("SELECT COALESCE(MIN(balance), 0) FROM accounts WHERE account_number = :m")
                .bind("m", SystemAccounts.MINT_NUMBER)
                .mapTo(Long.class)
                .one();
        long accounts =
                h.createQuery("SELECT COUNT(*) FROM accounts").mapTo(Long.class).one();
        long txs = h.createQuery("SELECT COUNT(*) FROM transactions")
                .mapTo(Long.class)
                .one();
        Credits supply = new Credits(-mint);
        Optional<String> violation = Optional.<String>empty()
                .or(() -> sum == 0
                        ? Optional.empty()
                        : Optional.of("Balances sum to " + new Credits(sum) + " instead of 0"))
                .or(() -> h.createQuery(MISMATCH)
                        .map((rs, ctx) -> "Account " + rs.getString(1) + " has balance " + new Credits(rs.getLong(2))
                                + " but its journal says " + new Credits(rs.getLong(3)))
                        .findFirst())
                .or(() -> h.createQuery(NEGATIVE)
                        .bind("mint", SystemAccounts.MINT_NUMBER)
                        .map((rs, ctx) -> "Account " + rs.getString(1) + " is negative: " + new Credits(rs.getLong(2)))
                        .findFirst())
                .or(() -> h.createQuery(BAD_ROW)
                        .map((rs, ctx) ->
                                "Journal row " + rs.getLong(1) + " is not a positive movement between two accounts")
                        .findFirst());
        return new Report(violation.isEmpty(), violation.orElse(null), supply, accounts, txs);
    }
}
