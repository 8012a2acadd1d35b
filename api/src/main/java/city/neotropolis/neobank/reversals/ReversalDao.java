package city.neotropolis.neobank.reversals;

import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The rows a reversal reads and the link it writes; used inside the reversal's write unit. */
@RegisterRowMapper(ReversalDao.OriginalMapper.class)
public interface ReversalDao {

    /** The row to undo: who paid whom how much, and why. */
    record Original(long id, long fromId, long toId, Credits amount, TxType type) {}

    /** What the payer of the reversal holds now. */
    record Holder(String accountNumber, String characterName, Credits balance) {}

    @SqlQuery("SELECT id, from_account_id, to_account_id, amount, type FROM transactions WHERE id = :id")
    Optional<Original> original(@Bind("id") long id);

    @SqlQuery("SELECT reversal_id FROM reversals WHERE original_id = :id")
    Optional<Long> reversalOf(@Bind("id") long originalId);

    @SqlQuery("SELECT account_number, character_name, balance FROM accounts WHERE id = :id")
    @RegisterRowMapper(HolderMapper.class)
    Holder holder(@Bind("id") long accountId);

    @SqlUpdate("INSERT INTO reversals (original_id, reversal_id, reason, gm, created_at) "
            + "VALUES (:original, :reversal, :reason, :gm, :at)")
    void link(
            @Bind("original") long originalId,
            @Bind("reversal") long reversalId,
            @Bind("reason") String reason,
            @Bind("gm") String gm,
            @Bind("at") long createdAt);

    final class OriginalMapper implements RowMapper<Original> {
        @Override
        public Original map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Original(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    new Credits(rs.getLong(4)),
                    TxType.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)));
        }
    }

    final class HolderMapper implements RowMapper<Holder> {
        @Override
        public Holder map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Holder(rs.getString(1), rs.getString(2), new Credits(rs.getLong(3)));
        }
    }
}
