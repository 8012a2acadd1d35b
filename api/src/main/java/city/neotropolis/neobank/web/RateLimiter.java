package city.neotropolis.neobank.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;

/**
 * Token buckets per rule and key (a name, an IP, a player, a terminal key). An empty bucket is a
 * 429 with Retry-After in whole seconds.
 */
public final class RateLimiter {

    /** {@code requests} per {@code period}, refilled smoothly; a full bucket allows a burst of that size. */
    public record Rule(String name, long requests, Duration period) {
        public Rule {
            if (requests < 1 || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("A rate limit needs requests >= 1 and a positive period: " + name);
            }
        }
    }

    private final boolean enabled;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    public RateLimiter(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean enabled() {
        return enabled;
    }

    public void check(Rule rule, String key) {
        if (!enabled) {
            return;
        }
        Bucket bucket = buckets.get(
                rule.name() + '\n' + key,
                k -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(rule.requests())
                                .refillGreedy(rule.requests(), rule.period())
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw new ApiException(
                    429,
                    "Too many requests; try again in " + seconds + " s",
                    Map.of("Retry-After", Long.toString(seconds)));
        }
    }
}
