package city.neotropolis.neobank.external;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.RateLimiter;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recognises a terminal's key on every request without a bcrypt or a table scan: one SHA-256,
 * then a cache in front of one indexed lookup. Applies the key's own rate limit and remembers
 * when it was last used (flushed to the database every few seconds, off the money path).
 */
public final class ApiKeyAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyAuthenticator.class);
    /**
     * How long a key's row may be cached. Revoking on this replica invalidates at once; other
     * replicas (PostgreSQL, several pods) see a revocation within this time for balance reads,
     * and at once for money: every movement re-checks the key inside its own write unit.
     */
    public static final Duration CACHE_TTL = Duration.ofSeconds(3);
    /** Run by every terminal movement: a cached prepared statement, as in the Ledger. */
    private static final String ACTIVE = "SELECT is_active FROM api_keys WHERE id = ?";

    private static final long TOUCH_GRANULARITY_MS = 1000;

    private final Database db;
    private final Clock clock;
    // Per key, not per IP: a whole venue shares one IP. Always on, even with rateLimits.enabled=false:
    // a key's limit is part of what a GM granted that terminal (set per key, up to 1,000,000 a minute),
    // not a guard against players, so switching the player limits off for a benchmark leaves it alone.
    private final RateLimiter limiter = new RateLimiter(true);
    private final Cache<String, ApiKey> byHash = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(CACHE_TTL)
            .build();
    private final Map<Long, Long> lastUsed = new ConcurrentHashMap<>();

    public ApiKeyAuthenticator(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * The active key behind {@code raw} (from X-API-Key or the legacy body field), after its rate
     * limit.
     *
     * @throws ApiException 401 missing, malformed, unknown or revoked; 429 over the key's limit
     */
    public ApiKey authenticate(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.unauthorized("API key required (send it in the X-API-Key header)");
        }
        String trimmed = raw.trim();
        if (!ApiKeySecrets.wellFormed(trimmed)) {
            throw ApiException.unauthorized("Invalid API key");
        }
        String hash = ApiKeySecrets.hash(trimmed);
        ApiKey key = byHash.get(
                hash,
                h -> db.reads()
                        .withExtension(ApiKeyDao.class, dao -> dao.byHash(h))
                        .orElse(null));
        if (key == null) {
            throw ApiException.unauthorized("Invalid API key");
        }
        if (!key.isActive()) {
            throw ApiException.unauthorized("This API key has been revoked");
        }
        limiter.check(
                new RateLimiter.Rule("api-key", key.rateLimitPerMinute(), Duration.ofMinutes(1)), key.principalKey());
        noteUse(key.id());
        return key;
    }

    /** Inside a money unit: refuses a key revoked since it was cached, on any replica. */
    public void ensureActive(WriteSession s, ApiKey key) throws SQLException {
        PreparedStatement ps = s.prepare(ACTIVE);
        ps.setLong(1, key.id());
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                throw ApiException.unauthorized("This API key has been revoked");
            }
        }
    }

    /** Call after a revocation has committed; the next request with that key is refused. */
    public void forget(String keyHash) {
        byHash.invalidate(keyHash);
    }

    private void noteUse(long id) {
        long now = clock.millis();
        Long prev = lastUsed.get(id);
        if (prev == null || now - prev >= TOUCH_GRANULARITY_MS) {
            lastUsed.put(id, now);
        }
    }

    /** The newest use not yet written, so a GM's list is current before the next flush. */
    public Long pendingLastUse(long id) {
        return lastUsed.get(id);
    }

    /** Writes the remembered last uses in one unit; run every few seconds and at shutdown. */
    public void flushLastUsed() {
        if (lastUsed.isEmpty()) {
            return;
        }
        List<long[]> batch = new ArrayList<>();
        for (Map.Entry<Long, Long> e : lastUsed.entrySet()) {
            batch.add(new long[] {e.getKey(), e.getValue()});
        }
        try {
            db.writer().write(s -> {
                ApiKeyDao dao = s.dao(ApiKeyDao.class);
                for (long[] b : batch) {
                    dao.touch(b[0], b[1]);
                }
                return null;
            });
            // Only drop what was written; a newer use noted meanwhile stays for the next flush.
            batch.forEach(b -> lastUsed.remove(b[0], b[1]));
        } catch (RuntimeException e) {
            LOG.warn("Could not record API keys' last use; will try again", e);
        }
    }
}
