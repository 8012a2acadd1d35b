package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.db.Database;
import java.util.List;
import java.util.Locale;

/** The journal as people read it: a player's own history and search, and the GM's whole-book pages. */
public final class Journal {
    private final Database db;

    public Journal(Database db) {
        this.db = db;
    }

    /** An account's movements, newest first, strictly older than {@code before}. */
    public List<TxView> history(long accountId, long before, int limit) {
        return db.reads().withExtension(JournalDao.class, dao -> dao.history(accountId, before, limit));
    }

    /** An account's movements whose memo, names or account numbers contain {@code query}, ignoring case. */
    public List<TxView> search(long accountId, String query, int limit) {
        String pattern = "%"
                + query.toLowerCase(Locale.ROOT)
                        .replace("!", "!!")
                        .replace("%", "!%")
                        .replace("_", "!_") + "%";
        return db.reads().withExtension(JournalDao.class, dao -> dao.search(accountId, pattern, limit));
    }

    /**
     * The GM's listing: newest first with limit/offset; with {@code afterId}, the rows after it
     * oldest first (how the console follows new transactions); {@code accountId} narrows either.
     */
    public List<TxView> page(Long accountId, Long afterId, int limit, long offset) {
        return db.reads().withExtension(JournalDao.class, dao -> {
            if (afterId != null) {
                return accountId == null ? dao.after(afterId, limit) : dao.afterOf(accountId, afterId, limit);
            }
            return accountId == null ? dao.page(limit, offset) : dao.pageOf(accountId, limit, offset);
        });
    }
}
