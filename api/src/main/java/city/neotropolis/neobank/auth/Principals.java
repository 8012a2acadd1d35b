package city.neotropolis.neobank.auth;

import city.neotropolis.neobank.accounts.AccountDao;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Who each account id is, for authenticating requests without a database read each time.
 * Anything that changes what a token may do (password, freeze, GM rights) invalidates the entry.
 */
public final class Principals {
    private final LoadingCache<Long, Optional<Player>> cache;

    public Principals(Jdbi reads, Duration ttl) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(ttl)
                .build(id -> AccountDao.findById(reads, id)
                        .filter(a -> !a.isSystem())
                        .map(a -> new Player(a.id(), a.accountNumber(), a.characterName(), a.isAdmin(), a.frozen(),
                                a.tokenVersion())));
    }

    public Optional<Player> get(long accountId) {
        return cache.get(accountId);
    }

    public void invalidate(long accountId) {
        cache.invalidate(accountId);
    }
}
