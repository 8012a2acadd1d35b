package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.db.SecretRenewal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * After a restore or import every player's server seed is replaced by a fresh, unrevealed one. A
 * backup holds each player's current seed; a player who rotated after the backup has seen it, and
 * could search client seeds offline for top wins if it were live again. The seed each player had
 * is revealed (so the spins made with it still verify) and a new commitment starts at nonce 0.
 */
public final class SeedRenewal implements SecretRenewal {

    @Override
    public String renew(Connection c, long nowMillis) throws SQLException {
        // "WHERE TRUE" keeps SQLite's parser from reading ON CONFLICT as part of the SELECT.
        try (PreparedStatement reveal = c.prepareStatement(
                "INSERT INTO casino_revealed_seeds (server_seed_hash, server_seed, account_id, revealed_at) "
                        + "SELECT server_seed_hash, server_seed, account_id, ? FROM casino_fairness WHERE TRUE "
                        + "ON CONFLICT (server_seed_hash) DO NOTHING")) {
            reveal.setLong(1, nowMillis);
            reveal.executeUpdate();
        }
        List<Long> players = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT account_id FROM casino_fairness ORDER BY account_id")) {
            while (rs.next()) {
                players.add(rs.getLong(1));
            }
        }
        try (PreparedStatement replace = c.prepareStatement("UPDATE casino_fairness SET server_seed = ?, "
                + "server_seed_hash = ?, nonce = 0, created_at = ? WHERE account_id = ?")) {
            for (long id : players) {
                String seed = ProvablyFair.newServerSeed();
                replace.setString(1, seed);
                replace.setString(2, ProvablyFair.hash(seed));
                replace.setLong(3, nowMillis);
                replace.setLong(4, id);
                replace.addBatch();
            }
            replace.executeBatch();
        }
        return "casino: " + players.size() + " server seeds revealed and replaced by fresh ones";
    }
}
