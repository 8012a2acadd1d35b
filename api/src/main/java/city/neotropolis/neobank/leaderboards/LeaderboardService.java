package city.neotropolis.neobank.leaderboards;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import java.time.Clock;
import java.util.List;

/**
 * The event's leaderboards: biggest casino wins, faction totals, most generous senders. Players see
 * them only while a GM has switched them on; GMs always do. Players who opted out are shown as
 * "Anonymous" to players. The boards scan the journal, so one computed copy serves everyone for a
 * few seconds.
 */
public final class LeaderboardService {
    public static final int SIZE = 10;
    public static final String ANONYMOUS = "Anonymous";
    static final String SWITCH = "leaderboards_public";
    private static final long FRESH_MILLIS = 5_000;

    public record WinRow(
            int rank, String characterName, boolean anonymous, String game, Credits winAmount, String timestamp) {}

    public record FactionRow(int rank, String faction, int members, Credits totalBalance) {}

    public record SenderRow(int rank, String characterName, boolean anonymous, Credits totalSent, int transfers) {}

    /** What a caller sees: the switch, their own opt-out, and the boards (absent for players while off). */
    public record Boards(
            boolean enabled,
            boolean optedOut,
            String message,
            List<WinRow> biggestWins,
            List<FactionRow> factionTotals,
            List<SenderRow> generousSenders) {}

    private record Raw(
            long at,
            List<LeaderboardDao.Win> wins,
            List<LeaderboardDao.FactionTotal> factions,
            List<LeaderboardDao.Sender> senders) {}

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;
    private volatile Raw cached;

    public LeaderboardService(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    public Boards boards(Player viewer) {
        boolean enabled = enabled();
        boolean optedOut = db.reads().withExtension(LeaderboardDao.class, d -> d.optedOut(viewer.id())) > 0;
        boolean gm = viewer.isAdmin();
        if (!enabled && !gm) {
            return new Boards(false, optedOut, "The leaderboards are not open yet. A GM opens them.", null, null, null);
        }
        Raw raw = raw();
        return new Boards(
                enabled,
                optedOut,
                enabled ? "" : "Players cannot see the leaderboards yet; GMs always can.",
                java.util.stream.IntStream.range(0, raw.wins().size())
                        .mapToObj(i -> {
                            LeaderboardDao.Win w = raw.wins().get(i);
                            return new WinRow(
                                    i + 1,
                                    name(w.characterName(), w.optedOut(), gm),
                                    w.optedOut(),
                                    w.game(),
                                    w.amount(),
                                    Timestamps.iso(w.createdAt()));
                        })
                        .toList(),
                java.util.stream.IntStream.range(0, raw.factions().size())
                        .mapToObj(i -> {
                            LeaderboardDao.FactionTotal f = raw.factions().get(i);
                            return new FactionRow(i + 1, f.faction(), f.members(), f.totalBalance());
                        })
                        .toList(),
                java.util.stream.IntStream.range(0, raw.senders().size())
                        .mapToObj(i -> {
                            LeaderboardDao.Sender s = raw.senders().get(i);
                            return new SenderRow(
                                    i + 1,
                                    name(s.characterName(), s.optedOut(), gm),
                                    s.optedOut(),
                                    s.totalSent(),
                                    s.transfers());
                        })
                        .toList());
    }

    /** GMs see every name (they see every account anyway); players never see an opted-out one. */
    private static String name(String name, boolean optedOut, boolean gm) {
        return optedOut && !gm ? ANONYMOUS : name;
    }

    public boolean enabled() {
        return db.reads()
                .withExtension(LeaderboardDao.class, d -> d.setting(SWITCH))
                .map(Boolean::parseBoolean)
                .orElse(false);
    }

    public boolean setEnabled(Player gm, boolean on) {
        db.writer().write(w -> {
            LeaderboardDao d = w.dao(LeaderboardDao.class);
            d.clearSetting(SWITCH);
            d.putSetting(SWITCH, Boolean.toString(on), gm.characterName(), clock.millis());
            audit.record(w, gm.characterName(), on ? "leaderboards_on" : "leaderboards_off", "leaderboards", "");
            return null;
        });
        cached = null;
        return on;
    }

    public boolean setOptOut(Player player, boolean optOut) {
        db.writer().write(w -> {
            LeaderboardDao d = w.dao(LeaderboardDao.class);
            d.optIn(player.id());
            if (optOut) {
                d.optOut(player.id(), clock.millis());
            }
            return null;
        });
        cached = null;
        return optOut;
    }

    private Raw raw() {
        Raw r = cached;
        long now = clock.millis();
        if (r != null && now - r.at() < FRESH_MILLIS) {
            return r;
        }
        Raw fresh = db.snapshot(h -> {
            LeaderboardDao d = h.attach(LeaderboardDao.class);
            return new Raw(now, d.biggestWins(SIZE), d.factionTotals(SIZE), d.generousSenders(SIZE));
        });
        cached = fresh;
        return fresh;
    }
}
