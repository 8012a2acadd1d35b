package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.metrics.BankMetrics;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.web.ApiException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The only code that moves credits. Each movement is two guarded balance updates and one
 * journal row inside the caller's write unit, so all three commit together or not at all.
 * Rows are locked in ascending account id order, so concurrent movements cannot deadlock.
 * Plain positional JDBC on statements prepared once per write connection ({@link WriteSession#prepare}):
 * this runs thousands of times a second, where a JDBI statement would be prepared anew each time.
 * Everything off this path talks SQL through SqlObject DAOs.
 */
public final class Ledger {
    private static final String DEBIT = "UPDATE accounts SET balance = balance - ? "
            + "WHERE id = ? AND balance >= ? AND (frozen = FALSE OR ?) "
            + "RETURNING balance, account_number, character_name";
    private static final String DEBIT_MINT = "UPDATE accounts SET balance = balance - ? WHERE id = ? "
            + "RETURNING balance, account_number, character_name";
    private static final String CREDIT = "UPDATE accounts SET balance = balance + ? "
            + "WHERE id = ? AND (frozen = FALSE OR ?) "
            + "RETURNING balance, account_number, character_name";
    private static final String JOURNAL = "INSERT INTO transactions "
            + "(from_account_id, to_account_id, amount, memo, type, created_at, idempotency_key, actor) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
    private static final String WHY = "SELECT frozen, balance, account_number FROM accounts WHERE id = ?";

    private final SystemAccounts system;
    private final Clock clock;

    public Ledger(SystemAccounts system, Clock clock) {
        this.system = system;
        this.clock = clock;
    }

    public SystemAccounts system() {
        return system;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Posts one movement inside the open write unit.
     *
     * @throws ApiException 400 when the sender lacks funds or either side is frozen; the caller's
     *     unit is then rolled back, so nothing of it stays
     */
    public Posting post(WriteSession s, Movement m) throws SQLException {
        if (!m.amount().isPositive() || m.fromId() == m.toId()) {
            throw new IllegalArgumentException("A movement needs a positive amount between two accounts: " + m);
        }
        long now = clock.millis();
        Side from;
        Side to;
        if (m.fromId() < m.toId()) {
            from = debit(s, m);
            to = credit(s, m);
        } else {
            to = credit(s, m);
            from = debit(s, m);
        }
        PreparedStatement ps = s.prepare(JOURNAL);
        ps.setLong(1, m.fromId());
        ps.setLong(2, m.toId());
        ps.setLong(3, m.amount().hundredths());
        ps.setString(4, m.memo() == null ? "" : m.memo());
        ps.setString(5, m.type().code());
        ps.setLong(6, now);
        ps.setString(7, m.idempotencyKey());
        ps.setString(8, m.actor());
        long id;
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            id = rs.getLong(1);
        }
        TxView view = new TxView(
                id,
                from.number,
                from.name,
                to.number,
                to.name,
                m.amount(),
                m.memo() == null ? "" : m.memo(),
                Timestamps.iso(now),
                m.type());
        String type = m.type().code();
        long hundredths = m.amount().hundredths();
        s.afterCommit(() -> BankMetrics.moved(type, hundredths));
        return new Posting(view, from.balance, to.balance);
    }

    private record Side(Credits balance, String number, String name) {}

    private Side debit(WriteSession s, Movement m) throws SQLException {
        boolean mint = m.fromId() == system.mintId();
        PreparedStatement ps = s.prepare(mint ? DEBIT_MINT : DEBIT);
        ps.setLong(1, m.amount().hundredths());
        ps.setLong(2, m.fromId());
        if (!mint) {
            ps.setLong(3, m.amount().hundredths());
            ps.setBoolean(4, m.touchesFrozen());
        }
        Side side = side(ps);
        if (side == null) {
            throw refusal(s, m.fromId(), true);
        }
        return side;
    }

    private Side credit(WriteSession s, Movement m) throws SQLException {
        PreparedStatement ps = s.prepare(CREDIT);
        ps.setLong(1, m.amount().hundredths());
        ps.setLong(2, m.toId());
        ps.setBoolean(3, m.touchesFrozen());
        Side side = side(ps);
        if (side == null) {
            throw refusal(s, m.toId(), false);
        }
        return side;
    }

    private static Side side(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return new Side(new Credits(rs.getLong(1)), rs.getString(2), rs.getString(3));
        }
    }

    private static ApiException refusal(WriteSession s, long accountId, boolean sender) throws SQLException {
        PreparedStatement ps = s.prepare(WHY);
        ps.setLong(1, accountId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return ApiException.refused(
                        "not_found", sender ? "Sender account not found" : "Recipient account not found");
            }
            if (rs.getBoolean(1)) {
                // A payer may learn their own account is frozen; a payee's state is between its owner and the GMs.
                return ApiException.refused(
                        "frozen", "Account " + rs.getString(3) + (sender ? " is frozen" : " cannot receive payments"));
            }
            return ApiException.refused("insufficient_funds", "Insufficient funds");
        }
    }
}
