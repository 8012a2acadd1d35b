package city.neotropolis.neobank.auth;

import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.auth.AuthFilter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Bearer tokens from the Authorization header only. (Dropwizard's OAuth filter would also take
 * {@code ?access_token=}, which puts tokens into access logs.)
 */
@Priority(Priorities.AUTHENTICATION)
public final class JwtAuthFilter extends AuthFilter<String, Player> {

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw ApiException.unauthorized("Authentication required");
        }
        String token = bearerToken(header);
        if (token == null) {
            throw ApiException.unauthorized("Authorization must be a Bearer token");
        }
        if (token.isEmpty() || !authenticate(request, token, "Bearer")) {
            throw ApiException.unauthorized("Invalid or expired token");
        }
    }

    /** The token of {@code Bearer <token>} (scheme in any case; maybe empty), or null for another scheme. */
    static String bearerToken(String header) {
        int space = header == null ? -1 : header.indexOf(' ');
        if (space != 6 || !header.regionMatches(true, 0, "Bearer", 0, 6)) {
            return null;
        }
        return header.substring(space + 1).trim();
    }

    /** Builds the filter the way Dropwizard's auth module expects. */
    public static final class Builder extends AuthFilterBuilder<String, Player, JwtAuthFilter> {
        @Override
        protected JwtAuthFilter newInstance() {
            return new JwtAuthFilter();
        }
    }
}
