package city.neotropolis.neobank.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;

/**
 * Security headers on every response, and CORS for the configured origins only (none by
 * default: the SPA is served from the same origin).
 */
public final class SecurityHeadersFilter implements Filter {
    // The SPA compiles its templates in the browser, which needs 'unsafe-eval'; nothing else is loosened.
    static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: https:; connect-src 'self'; font-src 'self'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final Set<String> corsOrigins;

    public SecurityHeadersFilter(Set<String> corsOrigins) {
        this.corsOrigins = corsOrigins;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) res;
        out.setHeader("X-Content-Type-Options", "nosniff");
        out.setHeader("X-Frame-Options", "DENY");
        out.setHeader("Content-Security-Policy", CSP);
        out.setHeader("Referrer-Policy", "no-referrer");
        if (http.getRequestURI().startsWith("/api/")) {
            out.setHeader("Cache-Control", "no-store");
        }
        String origin = http.getHeader("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
            out.setHeader("Access-Control-Allow-Origin", origin);
            out.setHeader("Vary", "Origin");
            if ("OPTIONS".equals(http.getMethod()) && http.getHeader("Access-Control-Request-Method") != null) {
                out.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
                out.setHeader("Access-Control-Allow-Headers",
                        "Authorization, Content-Type, Idempotency-Key, X-API-Key");
                out.setHeader("Access-Control-Max-Age", "600");
                out.setStatus(204);
                return;
            }
        }
        chain.doFilter(req, res);
    }
}
