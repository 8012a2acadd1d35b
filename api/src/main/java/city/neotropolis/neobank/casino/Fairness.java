package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.db.WriteSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** Each player's committed server seed, client seed and nonce, read and advanced inside write units. */
public final class Fairness {
    /** Run by every spin: a cached prepared statement, as in the Ledger (a SqlObject call prepares anew). */
    private static final String CLAIM =
            "UPDATE casino_fairness SET nonce = nonce + 1 WHERE account_id = ? " + "RETURNING " + FairnessDao.SEEDS;

    /** A player's seeds; the server seed never leaves the service until it is rotated. */
    public record Seeds(String serverSeed, String serverSeedHash, String clientSeed, long nonce) {}

    private final Clock clock;

    Fairness(Clock clock) {
        this.clock = clock;
    }

    /** The player's seeds, created with a fresh server seed and a random client seed at first use. */
    Seeds current(WriteSession s, long accountId) {
        FairnessDao dao = s.dao(FairnessDao.class);
        return dao.current(accountId).orElseGet(() -> {
            create(dao, accountId);
            return dao.current(accountId).orElseThrow();
        });
    }

    /**
     * Takes the next nonce for a spin: the seeds with the nonce this spin uses. The update locks
     * the player's row first thing, so two spins of one player (on PostgreSQL, where units run
     * side by side) take turns and never share a nonce or a free spin.
     */
    Seeds claim(WriteSession s, long accountId) throws SQLException {
        Seeds after = claimNext(s, accountId);
        if (after == null) {
            create(s.dao(FairnessDao.class), accountId);
            after = claimNext(s, accountId);
        }
        return new Seeds(after.serverSeed(), after.serverSeedHash(), after.clientSeed(), after.nonce() - 1);
    }

    private static Seeds claimNext(WriteSession s, long accountId) throws SQLException {
        PreparedStatement ps = s.prepare(CLAIM);
        ps.setLong(1, accountId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Seeds(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)) : null;
        }
    }

    private void create(FairnessDao dao, long accountId) {
        String seed = ProvablyFair.newServerSeed();
        dao.create(accountId, seed, ProvablyFair.hash(seed), ProvablyFair.newClientSeed(), clock.millis());
    }

    Seeds setClientSeed(WriteSession s, long accountId, String clientSeed) {
        Seeds now = current(s, accountId);
        s.dao(FairnessDao.class).setClientSeed(accountId, clientSeed);
        return new Seeds(now.serverSeed(), now.serverSeedHash(), clientSeed, now.nonce());
    }

    /** Reveals the current server seed and commits to a new one; the nonce starts again at 0. */
    Seeds[] rotate(WriteSession s, long accountId) {
        current(s, accountId);
        FairnessDao dao = s.dao(FairnessDao.class);
        Seeds old = dao.lock(accountId).orElseThrow();
        long now = clock.millis();
        dao.reveal(accountId, old.serverSeed(), old.serverSeedHash(), now);
        String seed = ProvablyFair.newServerSeed();
        Seeds next = new Seeds(seed, ProvablyFair.hash(seed), old.clientSeed(), 0);
        dao.replace(accountId, next.serverSeed(), next.serverSeedHash(), now);
        return new Seeds[] {old, next};
    }
}
