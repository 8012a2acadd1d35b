package city.neotropolis.neobank.audit;

import city.neotropolis.neobank.time.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the audit log: append inside a write unit, read newest first. */
@RegisterRowMapper(AuditDao.Mapper.class)
public interface AuditDao {

    @SqlUpdate("INSERT INTO audit_log (admin, action, target, details, created_at) "
            + "VALUES (:admin, :action, :target, :details, :at)")
    int insert(
            @Bind("admin") String admin,
            @Bind("action") String action,
            @Bind("target") String target,
            @Bind("details") String details,
            @Bind("at") long createdAt);

    @SqlQuery("SELECT id, admin, action, target, details, created_at FROM audit_log ORDER BY id DESC "
            + "LIMIT :n OFFSET :o")
    List<AuditEntry> page(@Bind("n") int limit, @Bind("o") long offset);

    /** Maps audit rows. */
    final class Mapper implements RowMapper<AuditEntry> {
        @Override
        public AuditEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new AuditEntry(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    Timestamps.iso(rs.getLong(6)));
        }
    }
}
