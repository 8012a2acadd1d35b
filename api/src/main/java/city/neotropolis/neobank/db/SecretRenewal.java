package city.neotropolis.neobank.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One kind of secret a restored or imported database brings back from the past, renewed so that
 * nothing revealed since (a casino server seed a player has seen, a token signed out since) is
 * live again. Each renewal runs on a plain JDBC connection, so the offline restore command and a
 * later importer can share them; {@link #runAll} runs them in one transaction.
 */
@FunctionalInterface
public interface SecretRenewal {

    /** Renews its secrets; answers one line for the operator saying what it did. */
    String renew(Connection c, long nowMillis) throws SQLException;

    /** Runs every renewal in one transaction (all or nothing); answers their lines. */
    static List<String> runAll(Connection c, List<SecretRenewal> renewals, long nowMillis) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            List<String> lines = new ArrayList<>();
            for (SecretRenewal r : renewals) {
                lines.add(r.renew(c, nowMillis));
            }
            c.commit();
            return lines;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
