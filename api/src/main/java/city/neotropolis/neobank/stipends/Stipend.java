package city.neotropolis.neobank.stipends;

import city.neotropolis.neobank.money.Credits;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** A stipend as stored: what, to whom, when, and whether it is running. */
public record Stipend(
        long id,
        String name,
        Credits amount,
        String recipients,
        String faction,
        String schedule,
        String timeOfDay,
        String startDate,
        String endDate,
        Long onceAt,
        String catchUp,
        boolean paused,
        boolean deleted,
        long activeFrom,
        String createdBy,
        long createdAt,
        long updatedAt) {
    public static final String ALL = "all";
    public static final String FACTION = "faction";
    public static final String ACCOUNTS = "accounts";
    public static final String DAILY = "daily";
    public static final String ONCE = "once";
    public static final String PAY = "pay";
    public static final String SKIP = "skip";

    static final String COLUMNS = "id, name, amount, recipients, faction, schedule, time_of_day, start_date, end_date, "
            + "once_at, catch_up, paused, deleted, active_from, created_by, created_at, updated_at";

    public boolean running() {
        return !paused && !deleted;
    }

    /** Maps {@link #COLUMNS}. */
    public static final class Mapper implements RowMapper<Stipend> {
        @Override
        public Stipend map(ResultSet rs, StatementContext ctx) throws SQLException {
            long onceAt = rs.getLong("once_at");
            Long once = rs.wasNull() ? null : onceAt;
            return new Stipend(
                    rs.getLong("id"),
                    rs.getString("name"),
                    new Credits(rs.getLong("amount")),
                    rs.getString("recipients"),
                    rs.getString("faction"),
                    rs.getString("schedule"),
                    rs.getString("time_of_day"),
                    rs.getString("start_date"),
                    rs.getString("end_date"),
                    once,
                    rs.getString("catch_up"),
                    rs.getBoolean("paused"),
                    rs.getBoolean("deleted"),
                    rs.getLong("active_from"),
                    rs.getString("created_by"),
                    rs.getLong("created_at"),
                    rs.getLong("updated_at"));
        }
    }
}
