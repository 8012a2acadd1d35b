package city.neotropolis.neobank.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;

/**
 * Migration 005: one spelling per faction. Every faction's key becomes its NFKC_Casefold form
 * (see FactionNames); every faction an account names gets a factions row; and each account names
 * its faction by that row's spelling, so "Chrome Saints" and "chrome saints" are one faction with
 * all their members. Existing memberships stay: they are the GMs' picture so far.
 */
public final class FactionKeysBackfill implements CustomTaskChange {

    @Override
    public void execute(Database database) throws CustomChangeException {
        Connection c = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
        try {
            backfill(c, System.currentTimeMillis());
        } catch (SQLException e) {
            throw new CustomChangeException("Could not merge the faction names: " + e.getMessage(), e);
        }
    }

    /** Also run by import-original on the accounts it carried over. */
    public static void backfill(Connection c, long now) throws SQLException {
        Map<String, String> spelling = new HashMap<>();
        Set<String> keep = new HashSet<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, name FROM factions ORDER BY id");
                PreparedStatement rekey = c.prepareStatement("UPDATE factions SET name_key = ? WHERE id = ?");
                PreparedStatement merged = c.prepareStatement("DELETE FROM factions WHERE id = ?")) {
            Map<Long, String> rows = new LinkedHashMap<>();
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
            for (var row : rows.entrySet()) {
                String key = FactionNames.key(row.getValue());
                if (spelling.putIfAbsent(key, row.getValue()) == null) {
                    keep.add(row.getValue());
                    rekey.setString(1, "~" + row.getKey()); // free the unique key first
                    rekey.setLong(2, row.getKey());
                    rekey.executeUpdate();
                } else {
                    merged.setLong(1, row.getKey()); // an older faction has this key: one faction
                    merged.executeUpdate();
                }
            }
            for (var row : rows.entrySet()) {
                if (keep.contains(row.getValue())) {
                    rekey.setString(1, FactionNames.key(row.getValue()));
                    rekey.setLong(2, row.getKey());
                    rekey.executeUpdate();
                }
            }
        }
        Map<String, String> named = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT faction FROM accounts WHERE faction <> ''")) {
            while (rs.next()) {
                named.put(rs.getString(1), FactionNames.key(rs.getString(1)));
            }
        }
        try (PreparedStatement add = c.prepareStatement("INSERT INTO factions (name, name_key, description, "
                        + "created_by, created_at) VALUES (?, ?, '', 'migration 005', ?)");
                PreparedStatement rename = c.prepareStatement("UPDATE accounts SET faction = ? WHERE faction = ?")) {
            for (var e : named.entrySet()) {
                String canonical = spelling.get(e.getValue());
                if (canonical == null) {
                    canonical = e.getKey();
                    spelling.put(e.getValue(), canonical);
                    add.setString(1, canonical);
                    add.setString(2, e.getValue());
                    add.setLong(3, now);
                    add.executeUpdate();
                }
                if (!canonical.equals(e.getKey())) {
                    rename.setString(1, canonical);
                    rename.setString(2, e.getKey());
                    rename.executeUpdate();
                }
            }
        }
    }

    @Override
    public String getConfirmationMessage() {
        return "Faction names merged by key";
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
