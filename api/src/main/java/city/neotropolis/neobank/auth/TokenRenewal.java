package city.neotropolis.neobank.auth;

import city.neotropolis.neobank.db.SecretRenewal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * After a restore or import every token issued before it is retired: a restore brings back the
 * token versions of the backup, which would make tokens signed out since (password change,
 * freeze, demotion) valid again. Everyone signs in once more.
 */
public final class TokenRenewal implements SecretRenewal {

    @Override
    public String renew(Connection c, long nowMillis) throws SQLException {
        try (Statement s = c.createStatement()) {
            int n = s.executeUpdate("UPDATE accounts SET token_version = token_version + 1");
            return "tokens: every token issued before now retired (" + n + " accounts sign in again)";
        }
    }
}
