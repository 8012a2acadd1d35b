package city.neotropolis.neobank.casino;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The games' settings as last committed, so that a spin need not read its game's row every time
 * (the same row on every spin; only a GM changes it). While a GM's change is being written nothing
 * is remembered, and when it settles (committed or refused) everything is forgotten: the next spin
 * reads the row again. On SQLite nothing else writes the row while the service runs, so the first
 * spin after a change's commit uses the change. On PostgreSQL another replica's change arrives only
 * through the database: a setting read longer than {@code maxAge} ago is read again, so no spin
 * uses a game that a GM closed longer ago than that.
 */
final class GameConfigCache {
    /** A setting remembered, and when (by the ticker) the read that found it began. */
    private record Remembered(GameConfig config, long readAt) {}

    /** What a spin learns before reading: a setting it may use, or the epoch its own read belongs to. */
    record Lookup(GameConfig config, long epoch, long readAt) {}

    private final long maxAgeNanos;
    private final LongSupplier ticker;
    private final Map<String, Remembered> remembered = new HashMap<>();
    // A change whose caller has not yet seen its outcome. A change that starts after its caller
    // gave up waiting (interrupted) stays here for good: nothing is remembered again, never a wrong setting.
    private final Set<Object> changing = new HashSet<>();
    private long epoch;

    /** {@code maxAge} null: remembered until this process changes it (SQLite, where it is the only writer). */
    GameConfigCache(Duration maxAge, LongSupplier ticker) {
        this.maxAgeNanos = maxAge == null ? Long.MAX_VALUE : maxAge.toNanos();
        this.ticker = ticker;
    }

    synchronized Lookup lookup(String game) {
        long now = ticker.getAsLong();
        Remembered r = changing.isEmpty() ? remembered.get(game) : null;
        if (r != null && now - r.readAt() <= maxAgeNanos) {
            return new Lookup(r.config(), epoch, r.readAt());
        }
        return new Lookup(null, epoch, now);
    }

    /** Keeps what a read found, unless a change began or settled since the read began. */
    synchronized void remember(Lookup before, GameConfig found) {
        if (changing.isEmpty() && epoch == before.epoch()) {
            remembered.put(found.gameName(), new Remembered(found, before.readAt()));
        }
    }

    /** Called inside the change's write unit, before its update. */
    synchronized void changeBegins(Object change) {
        changing.add(change);
        forget();
    }

    /** Called once the change's caller knows it committed or was refused. */
    synchronized void changeSettled(Object change) {
        changing.remove(change);
        forget();
    }

    private void forget() {
        epoch++;
        remembered.clear();
    }
}
