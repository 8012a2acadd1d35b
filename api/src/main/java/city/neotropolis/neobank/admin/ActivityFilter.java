package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.Core;
import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.auth.AuthResource;
import city.neotropolis.neobank.auth.Player;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
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
    private static final String MARK = "UPDATE accounts SET last_active_at = ? WHERE id = ?";

    private final Core core;
    private final Cache<Long, Boolean> recentlyMarked = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(EVERY).build();

    ActivityFilter(Core core) {
        this.core = core;
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
            id = core.directory().find(login.user().accountNumber()).map(AccountDirectory.Ref::id).orElse(null);
        }
        if (id == null || recentlyMarked.asMap().putIfAbsent(id, Boolean.TRUE) != null) {
            return;
        }
        long accountId = id;
        long now = core.clock().millis();
        try {
            core.db().writer().write(s -> {
                var ps = s.prepare(MARK);
                ps.setLong(1, now);
                ps.setLong(2, accountId);
                return ps.executeUpdate();
            });
        } catch (RuntimeException e) {
            recentlyMarked.invalidate(accountId);
            LOG.debug("Could not mark account {} active", accountId, e);
        }
    }
}
