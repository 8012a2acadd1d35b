package city.neotropolis.neobank.audit;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import java.time.Clock;
import java.util.List;

/**
 * Every GM action leaves a row: who, what, on what, details, when. Written inside the same write
 * unit as the action itself, so an action without its audit row cannot exist. A leaf: it knows the
 * database and nothing of the features that write to it.
 */
public final class AuditLog {
    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Appends a row inside the caller's write unit; {@code admin} is the GM's name or a system actor. */
    public void record(WriteSession s, String admin, String action, String target, String details) {
        s.dao(AuditDao.class)
                .insert(admin, action, target == null ? "" : target, details == null ? "" : details, clock.millis());
    }

    /** Appends a row in a write unit of its own. */
    public void record(String admin, String action, String target, String details) {
        db.writer().write(s -> {
            record(s, admin, action, target, details);
            return null;
        });
    }

    /** Newest first. */
    public List<AuditEntry> page(int limit, long offset) {
        return db.reads().withExtension(AuditDao.class, dao -> dao.page(limit, offset));
    }
}
