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
            + "(account_id, server_seed, server_seed_hash, client_seed, nonce, created_at) VALUES (?, ?, ?, ?, 0, ?)";
    private static final String ADVANCE = "UPDATE casino_fairness SET nonce = nonce + 1 WHERE account_id = ?";
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
        PreparedStatement ps = s.prepare(READ);
        ps.setLong(1, accountId);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                return new Seeds(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
            }
        }
        String seed = ProvablyFair.newServerSeed();
        Seeds fresh = new Seeds(seed, ProvablyFair.hash(seed), ProvablyFair.newClientSeed(), 0);
        PreparedStatement insert = s.prepare(CREATE);
        insert.setLong(1, accountId);
        insert.setString(2, fresh.serverSeed());
        insert.setString(3, fresh.serverSeedHash());
        insert.setString(4, fresh.clientSeed());
        insert.setLong(5, clock.millis());
        insert.executeUpdate();
        return fresh;
    }

    void advance(WriteSession s, long accountId) throws SQLException {
        PreparedStatement ps = s.prepare(ADVANCE);
        ps.setLong(1, accountId);
        ps.executeUpdate();
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
        Seeds old = current(s, accountId);
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
