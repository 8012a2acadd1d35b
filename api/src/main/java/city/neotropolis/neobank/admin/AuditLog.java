package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.WriteSession;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Every GM action leaves a row: who, what, on what, details, when. Written inside the same write
 * unit as the action itself, so an action without its audit row cannot exist.
 */
public final class AuditLog {
    private static final String INSERT = "INSERT INTO audit_log (admin, action, target, details, created_at) "
            + "VALUES (?, ?, ?, ?, ?)";
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public void record(WriteSession s, Player gm, String action, String target, String details) throws SQLException {
        record(s, gm.characterName(), action, target, details);
    }

    public void record(WriteSession s, String admin, String action, String target, String details)
            throws SQLException {
        PreparedStatement ps = s.prepare(INSERT);
        ps.setString(1, admin);
        ps.setString(2, action);
        ps.setString(3, target == null ? "" : target);
        ps.setString(4, details == null ? "" : details);
        ps.setLong(5, clock.millis());
        ps.executeUpdate();
    }
}
