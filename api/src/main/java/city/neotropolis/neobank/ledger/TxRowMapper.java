package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** Maps the journal joined with both accounts' names and any reversal link ({@link #COLUMNS} / {@link #FROM}) to a {@link TxView}. */
public final class TxRowMapper implements RowMapper<TxView> {
    public static final String COLUMNS = "t.id, fa.account_number AS from_account, fa.character_name AS from_name, "
            + "ta.account_number AS to_account, ta.character_name AS to_name, t.amount, t.memo, t.created_at, t.type, "
            + "rv_of.original_id AS reversal_of, rv_by.reversal_id AS reversed_by";
    public static final String FROM = "transactions t JOIN accounts fa ON fa.id = t.from_account_id "
            + "JOIN accounts ta ON ta.id = t.to_account_id "
            + "LEFT JOIN reversals rv_of ON rv_of.reversal_id = t.id "
            + "LEFT JOIN reversals rv_by ON rv_by.original_id = t.id";

    @Override
    public TxView map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TxView(
                rs.getLong("id"),
                rs.getString("from_account"),
                rs.getString("from_name"),
                rs.getString("to_account"),
                rs.getString("to_name"),
                new Credits(rs.getLong("amount")),
                rs.getString("memo"),
                Timestamps.iso(rs.getLong("created_at")),
                TxType.valueOf(rs.getString("type").toUpperCase(Locale.ROOT)),
                nullableLong(rs, "reversal_of"),
                nullableLong(rs, "reversed_by"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
