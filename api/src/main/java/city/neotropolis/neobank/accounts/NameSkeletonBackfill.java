package city.neotropolis.neobank.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Migration 005: the confusable skeleton of every existing character's name, before the column
 * becomes unique. Computed in Java because SQL has no UTS #39. Of two existing names that already
 * look alike, the older keeps the skeleton and the newer is left without one (logged): both go on
 * working, and no new name can look like either.
 */
public final class NameSkeletonBackfill implements CustomTaskChange {
    private static final Logger LOG = LoggerFactory.getLogger(NameSkeletonBackfill.class);

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            backfill(c);
        } catch (SQLException e) {
            throw new CustomChangeException("Could not compute the name skeletons: " + e.getMessage(), e);
        }
    }

    /**
     * Sets name_skeleton for every account in id order; answers how many got one. Also run by
     * import-original on the accounts it carried over.
     */
    public static int backfill(Connection c) throws SQLException {
        Set<String> taken = new HashSet<>();
        int set = 0;
        try (Statement clear = c.createStatement()) {
            clear.executeUpdate("UPDATE accounts SET name_skeleton = NULL");
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, character_name FROM accounts ORDER BY id");
                PreparedStatement update = c.prepareStatement("UPDATE accounts SET name_skeleton = ? WHERE id = ?")) {
            while (rs.next()) {
                String skeleton = CharacterNames.skeleton(rs.getString(2));
                if (!taken.add(skeleton)) {
                    LOG.warn(
                            "Account {} ({}) looks like an older character's name: kept, without a skeleton",
                            rs.getLong(1),
                            rs.getString(2));
                    continue;
                }
                update.setString(1, skeleton);
                update.setLong(2, rs.getLong(1));
                update.addBatch();
                set++;
            }
            update.executeBatch();
        }
        return set;
    }

    @Override
    public String getConfirmationMessage() {
        return "Name skeletons computed";
    }

    @Override
    public void setUp() {}

    @Override
    public void setFileOpener(ResourceAccessor resourceAccessor) {}

    @Override
    public ValidationErrors validate(Database database) {
        return new ValidationErrors();
    }
}
