package city.neotropolis.neobank.external;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Payment requests: a vendor's open ask, and the single conditional change that pays it. The
 * claim ({@code open -> paid} only while open and unexpired) runs in the same write unit as the
 * journal row: of any number of confirmations, exactly one changes a row, on either database.
 */
@RegisterRowMapper(PaymentRequestDao.Mapper.class)
public interface PaymentRequestDao {

    /** One request with the names of both sides, as stored (expiry not applied). */
    record Row(
            String id,
            long vendorId,
            String vendorNumber,
            String vendorName,
            String createdBy,
            long amount,
            String memo,
            String status,
            long createdAt,
            long expiresAt,
            Long payerId,
            String payerNumber,
            String payerName,
            Long transactionId,
            Long closedAt) {}

    String SELECT = "SELECT r.id, r.vendor_account_id, v.account_number, v.character_name, r.created_by, "
            + "r.amount, r.memo, r.status, r.created_at, r.expires_at, r.payer_account_id, p.account_number, "
            + "p.character_name, r.transaction_id, r.closed_at FROM payment_requests r "
            + "JOIN accounts v ON v.id = r.vendor_account_id LEFT JOIN accounts p ON p.id = r.payer_account_id ";

    @SqlUpdate("INSERT INTO payment_requests (id, vendor_account_id, created_by, amount, memo, status, created_at, "
            + "expires_at) VALUES (:id, :vendor, :by, :amount, :memo, 'open', :at, :expires)")
    void insert(
            @Bind("id") String id,
            @Bind("vendor") long vendorId,
            @Bind("by") String createdBy,
            @Bind("amount") long amount,
            @Bind("memo") String memo,
            @Bind("at") long createdAt,
            @Bind("expires") long expiresAt);

    @SqlQuery(SELECT + "WHERE r.id = :id")
    Optional<Row> byId(@Bind("id") String id);

    /** open -> paid, only while open and unexpired: 1 for the one payer who wins, 0 for everyone else. */
    @SqlUpdate("UPDATE payment_requests SET status = 'paid', payer_account_id = :payer, closed_at = :now "
            + "WHERE id = :id AND status = 'open' AND expires_at > :now")
    int claim(@Bind("id") String id, @Bind("payer") long payerId, @Bind("now") long now);

    @SqlUpdate("UPDATE payment_requests SET transaction_id = :tx WHERE id = :id")
    void link(@Bind("id") String id, @Bind("tx") long transactionId);

    @SqlUpdate("UPDATE payment_requests SET status = 'cancelled', closed_at = :now "
            + "WHERE id = :id AND status = 'open' AND expires_at > :now")
    int cancel(@Bind("id") String id, @Bind("now") long now);

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(
                    rs.getString(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getLong(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getLong(9),
                    rs.getLong(10),
                    rs.getObject(11) == null ? null : rs.getLong(11),
                    rs.getString(12),
                    rs.getString(13),
                    rs.getObject(14) == null ? null : rs.getLong(14),
                    rs.getObject(15) == null ? null : rs.getLong(15));
        }
    }
}
