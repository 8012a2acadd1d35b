package city.neotropolis.neobank.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link Work} sees: the handle of the open write transaction, JDBI DAOs attached to it,
 * and prepared statements that stay cached for as long as the connection lives.
 */
public final class WriteSession {
    private static final Logger LOG = LoggerFactory.getLogger(WriteSession.class);
    private final List<Runnable> afterCommit = new ArrayList<>();
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

    /**
     * Runs {@code action} once the current unit has committed, and never if it is rolled back:
     * for counting what really happened (metrics), never for anything the unit depends on.
     */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** The current unit's after-commit actions, handed over and forgotten here. */
    List<Runnable> takeAfterCommit() {
        if (afterCommit.isEmpty()) {
            return List.of();
        }
        List<Runnable> taken = List.copyOf(afterCommit);
        afterCommit.clear();
        return taken;
    }

    /** The current unit was rolled back: its actions never run. */
    void discardAfterCommit() {
        afterCommit.clear();
    }

    /** Runs committed units' actions; one that fails is logged and never fails the committed write. */
    static void runAll(List<Runnable> actions) {
        for (Runnable r : actions) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.warn("An after-commit action failed", e);
            }
        }
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
