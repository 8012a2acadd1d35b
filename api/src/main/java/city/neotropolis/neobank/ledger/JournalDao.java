package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.money.Credits;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reading the journal: a player's history and search, the GM's pages and the console's follow, and
 * an account's lifetime totals. Only {@link Ledger} writes it. Used on read handles and snapshots.
 */
@RegisterRowMapper(TxRowMapper.class)
public interface JournalDao {

    /** Newest first, strictly older than {@code before}; both index scans are bounded by {@code limit}. */
    @SqlQuery("SELECT " + TxRowMapper.COLUMNS + " FROM " + TxRowMapper.FROM + " WHERE t.id IN ("
            + "SELECT id FROM (SELECT id FROM transactions WHERE from_account_id = :a AND id < :before "
            + "ORDER BY id DESC LIMIT :n) f UNION "
            + "SELECT id FROM (SELECT id FROM transactions WHERE to_account_id = :a AND id < :before "
            + "ORDER BY id DESC LIMIT :n) r) ORDER BY t.id DESC LIMIT :n")
    List<TxView> history(@Bind("a") long accountId, @Bind("before") long beforeId, @Bind("n") int limit);

    @SqlQuery("SELECT " + TxRowMapper.COLUMNS + " FROM " + TxRowMapper.FROM
            + " WHERE (t.from_account_id = :a OR t.to_account_id = :a) AND ("
            + "LOWER(t.memo) LIKE :q ESCAPE '!' OR LOWER(fa.character_name) LIKE :q ESCAPE '!' "
            + "OR LOWER(ta.character_name) LIKE :q ESCAPE '!' OR LOWER(fa.account_number) LIKE :q ESCAPE '!' "
            + "OR LOWER(ta.account_number) LIKE :q ESCAPE '!') ORDER BY t.id DESC LIMIT :n")
    List<TxView> search(@Bind("a") long accountId, @Bind("q") String likePattern, @Bind("n") int limit);

    @SqlQuery("SELECT " + TxRowMapper.COLUMNS + " FROM " + TxRowMapper.FROM + " ORDER BY t.id DESC LIMIT :n OFFSET :o")
    List<TxView> page(@Bind("n") int limit, @Bind("o") long offset);

    @SqlQuery("SELECT " + TxRowMapper.COLUMNS + " FROM " + TxRowMapper.FROM
            + " WHERE t.from_account_id = :a OR t.to_account_id = :a ORDER BY t.id DESC LIMIT :n OFFSET :o")
    List<TxView> pageOf(@Bind("a") long accountId, @Bind("n") int limit, @Bind("o") long offset);

    /** Rows after {@code afterId}, oldest first: how the console follows the journal as it grows. */
    @SqlQuery("SELECT " + TxRowMapper.COLUMNS + " FROM " + TxRowMapper.FROM + " WHERE t.id > :after "
            + "ORDER BY t.id LIMIT :n")
    List<TxView> after(@Bind("after") long afterId, @Bind("n") int limit);

    @SqlQuery("SELECT " + TxRowMapper.COLUMNS + " FROM " + TxRowMapper.FROM + " WHERE t.id > :after "
            + "AND (t.from_account_id = :a OR t.to_account_id = :a) ORDER BY t.id LIMIT :n")
    List<TxView> afterOf(@Bind("a") long accountId, @Bind("after") long afterId, @Bind("n") int limit);

    /** One row with its reversal link, if any. */
    @SqlQuery("SELECT " + TxRowMapper.COLUMNS + " FROM " + TxRowMapper.FROM + " WHERE t.id = :id")
    Optional<TxView> byId(@Bind("id") long id);

    @SqlQuery("SELECT COALESCE(SUM(amount), 0) FROM transactions WHERE from_account_id = :id")
    Credits totalSent(@Bind("id") long accountId);

    @SqlQuery("SELECT COALESCE(SUM(amount), 0) FROM transactions WHERE to_account_id = :id")
    Credits totalReceived(@Bind("id") long accountId);
}
