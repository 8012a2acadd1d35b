package city.neotropolis.neobank.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * What a {@link Work} sees: the handle of the open write transaction, JDBI DAOs attached to it,
 * and prepared statements that stay cached for as long as the connection lives.
 */
public final class WriteSession {
    private final Handle handle;
    private final Map<String, PreparedStatement> statements = new HashMap<>();
    private final Map<Class<?>, Object> daos = new HashMap<>();
    private final Dialect dialect;

    WriteSession(Handle handle, Dialect dialect) {
        this.handle = handle;
        this.dialect = dialect;
    }

    public Handle handle() {
        return handle;
    }

    public Dialect dialect() {
        return dialect;
    }

    public <D> D dao(Class<D> type) {
        return type.cast(daos.computeIfAbsent(type, handle::attach));
    }

    /** A prepared statement for this SQL, parameters cleared; never close it. */
    public PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection().prepareStatement(sql);
            statements.put(sql, ps);
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    Connection connection() {
        return handle.getConnection();
    }

    void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing on the way out: nothing to do
            }
        }
        statements.clear();
    }
}
