package city.neotropolis.neobank.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Who each account id is, for authenticating requests without a database read each time.
 * Anything that changes what a token may do (password, freeze, GM rights) invalidates the entry.
 */
public final class Principals {
    private final LoadingCache<Long, Optional<Player>> cache;

    /** {@code lookup} reads who an account id is now (empty: no such player); its answers are cached for {@code ttl}. */
    public Principals(LongFunction<Optional<Player>> lookup, Duration ttl) {
        this.cache =
                Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(ttl).build(lookup::apply);
    }

    public Optional<Player> get(long accountId) {
        return cache.get(accountId);
    }

    public void invalidate(long accountId) {
        cache.invalidate(accountId);
    }
}
