package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.db.WriteSession;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/** Each player's committed server seed, client seed and nonce, read and advanced inside write units. */
final class Fairness {
    private static final String READ = "SELECT server_seed, server_seed_hash, client_seed, nonce "
            + "FROM casino_fairness WHERE account_id = ?";
    private static final String CREATE = "INSERT INTO casino_fairness "
            + "(account_id, server_seed, server_seed_hash, client_seed, nonce, created_at) VALUES (?, ?, ?, ?, 0, ?) "
            + "ON CONFLICT (account_id) DO NOTHING";
    private static final String CLAIM = "UPDATE casino_fairness SET nonce = nonce + 1 WHERE account_id = ? "
            + "RETURNING server_seed, server_seed_hash, client_seed, nonce";
    private static final String LOCK = "UPDATE casino_fairness SET nonce = nonce WHERE account_id = ? "
            + "RETURNING server_seed, server_seed_hash, client_seed, nonce";
    private static final String SET_CLIENT = "UPDATE casino_fairness SET client_seed = ? WHERE account_id = ?";
    private static final String REPLACE = "UPDATE casino_fairness SET server_seed = ?, server_seed_hash = ?, "
            + "nonce = 0, created_at = ? WHERE account_id = ?";
    private static final String REVEAL = "INSERT INTO casino_revealed_seeds "
            + "(server_seed_hash, server_seed, account_id, revealed_at) VALUES (?, ?, ?, ?)";

    /** A player's seeds; the server seed never leaves the service until it is rotated. */
    record Seeds(String serverSeed, String serverSeedHash, String clientSeed, long nonce) {}

    private final Clock clock;

    Fairness(Clock clock) {
        this.clock = clock;
    }

    /** The player's seeds, created with a fresh server seed and a random client seed at first use. */
    Seeds current(WriteSession s, long accountId) throws SQLException {
        Seeds seeds = read(s, READ, accountId);
        if (seeds == null) {
            create(s, accountId);
            seeds = read(s, READ, accountId);
        }
        return seeds;
    }

    /**
     * Takes the next nonce for a spin: the seeds with the nonce this spin uses. The update locks
     * the player's row first thing, so two spins of one player (on PostgreSQL, where units run
     * side by side) take turns and never share a nonce or a free spin.
     */
    Seeds claim(WriteSession s, long accountId) throws SQLException {
        Seeds after = read(s, CLAIM, accountId);
        if (after == null) {
            create(s, accountId);
            after = read(s, CLAIM, accountId);
        }
        return new Seeds(after.serverSeed(), after.serverSeedHash(), after.clientSeed(), after.nonce() - 1);
    }

    private static Seeds read(WriteSession s, String sql, long accountId) throws SQLException {
        PreparedStatement ps = s.prepare(sql);
        ps.setLong(1, accountId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Seeds(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)) : null;
        }
    }

    private void create(WriteSession s, long accountId) throws SQLException {
        String seed = ProvablyFair.newServerSeed();
        PreparedStatement insert = s.prepare(CREATE);
        insert.setLong(1, accountId);
        insert.setString(2, seed);
        insert.setString(3, ProvablyFair.hash(seed));
        insert.setString(4, ProvablyFair.newClientSeed());
        insert.setLong(5, clock.millis());
        insert.executeUpdate();
    }

    Seeds setClientSeed(WriteSession s, long accountId, String clientSeed) throws SQLException {
        Seeds now = current(s, accountId);
        PreparedStatement ps = s.prepare(SET_CLIENT);
        ps.setString(1, clientSeed);
        ps.setLong(2, accountId);
        ps.executeUpdate();
        return new Seeds(now.serverSeed(), now.serverSeedHash(), clientSeed, now.nonce());
    }

    /** Reveals the current server seed and commits to a new one; the nonce starts again at 0. */
    Seeds[] rotate(WriteSession s, long accountId) throws SQLException {
        current(s, accountId);
        Seeds old = read(s, LOCK, accountId);
        long now = clock.millis();
        PreparedStatement reveal = s.prepare(REVEAL);
        reveal.setString(1, old.serverSeedHash());
        reveal.setString(2, old.serverSeed());
        reveal.setLong(3, accountId);
        reveal.setLong(4, now);
        reveal.executeUpdate();
        String seed = ProvablyFair.newServerSeed();
        Seeds next = new Seeds(seed, ProvablyFair.hash(seed), old.clientSeed(), 0);
        PreparedStatement ps = s.prepare(REPLACE);
        ps.setString(1, next.serverSeed());
        ps.setString(2, next.serverSeedHash());
        ps.setLong(3, now);
        ps.setLong(4, accountId);
        ps.executeUpdate();
        return new Seeds[] {old, next};
    }
}
