package city.neotropolis.neobank.leaderboards;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.db.Database;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;

/** The event's leaderboards (issue 13). */
public final class LeaderboardsFeature {
    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    public LeaderboardsFeature(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public void register(Environment env) {
        LeaderboardService boards = new LeaderboardService(db, audit, clock);
        env.jersey().register(new LeaderboardResource(boards));
        env.jersey().register(new LeaderboardAdminResource(boards));
    }
}
