package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AuthResource;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code accounts.last_active_at} roughly current for the GM's "active players" figure: a
 * login or any answered request by a player marks them, at most once per {@link #EVERY} each, so
 * it costs a few writes a second at most, not one per request.
 */
final class ActivityFilter implements ContainerResponseFilter {
    static final Duration EVERY = Duration.ofMinutes(5);
    private static final Logger LOG = LoggerFactory.getLogger(ActivityFilter.class);

    private final Database db;
    private final AccountDirectory directory;
    private final Clock clock;
    private final Cache<Long, Boolean> recentlyMarked =
            Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(EVERY).build();

    ActivityFilter(Database db, AccountDirectory directory, Clock clock) {
        this.db = db;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() >= 400) {
            return;
        }
        Long id = null;
        if (request.getSecurityContext().getUserPrincipal() instanceof Player p) {
            id = p.id();
        } else if (response.getEntity() instanceof AuthResource.LoginReply login) {
            id = directory
                    .find(login.user().accountNumber())
                    .map(AccountDirectory.Ref::id)
                    .orElse(null);
        }
        if (id != null) {
            mark(id);
        }
    }

    /** Marks this account active unless it was marked within {@link #EVERY}. */
    void mark(long accountId) {
        if (recentlyMarked.asMap().putIfAbsent(accountId, Boolean.TRUE) != null) {
            return;
        }
        long now = clock.millis();
        try {
            db.writer().write(s -> s.dao(AdminDao.class).markActive(accountId, now));
        } catch (RuntimeException e) {
            recentlyMarked.invalidate(accountId);
            LOG.debug("Could not mark account {} active", accountId, e);
        }
    }
}
