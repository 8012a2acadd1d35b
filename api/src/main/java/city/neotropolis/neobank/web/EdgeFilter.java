package city.neotropolis.neobank.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Set;

/**
 * What every response gets on its way out: security headers, CORS for the configured origins only
 * (none by default: the SPA is served from the same origin), and the API's JSON error shape for
 * errors from servlets outside Jersey (the SPA's assets, /health), which would otherwise answer
 * with an empty or HTML page and drop the headers.
 */
public final class EdgeFilter implements Filter {
    // The SPA compiles its templates in the browser, which needs 'unsafe-eval'; nothing else is loosened:
    // no inline script (the page adds the hash of its import map), no inline style, no third party.
    public static final String CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self'; "
            + "img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self'; font-src 'self'; "
            + "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    private final Set<String> corsOrigins;
    private final ErrorWriter errors;

    public EdgeFilter(Set<String> corsOrigins, ErrorWriter errors) {
        this.corsOrigins = corsOrigins;
        this.errors = errors;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        HttpServletResponse out = (HttpServletResponse) res;
        headers(http, out);
        String origin = http.getHeader("Origin");
        if (origin != null
                && corsOrigins.contains(origin)
                && "OPTIONS".equals(http.getMethod())
                && http.getHeader("Access-Control-Request-Method") != null) {
            out.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS");
            out.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key, X-API-Key");
            out.setHeader("Access-Control-Max-Age", "600");
            out.setStatus(204);
            return;
        }
        Wrapper wrapper = new Wrapper(http, out);
        chain.doFilter(req, wrapper);
        if (!wrapper.wroteBody && !out.isCommitted() && out.getStatus() >= 400) {
            errors.write(out, out.getStatus(), JsonErrorHandler.message(out.getStatus(), null));
        }
    }

    /**
     * A request refused before its body was read (no token, wrong media type, ...) leaves unread
     * bytes on the connection, and Jetty then closes it after answering — without saying so, so a
     * client that reuses the connection for its next request (terminals and HTTP client pools do)
     * finds it dead. Every error status set through this filter, by Jersey or any other servlet,
     * therefore says {@code Connection: close} when the request came with a body.
     */
    static void closeIfBodyUnread(HttpServletRequest http, HttpServletResponse out) {
        if (http.getContentLengthLong() > 0 || http.getHeader("Transfer-Encoding") != null) {
            out.setHeader("Connection", "close");
        }
    }

    private void headers(HttpServletRequest http, HttpServletResponse out) {
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
        }
    }

    private final class Wrapper extends HttpServletResponseWrapper {
        private final HttpServletRequest request;
        private boolean wroteBody;

        Wrapper(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void reset() {
            super.reset();
            headers(request, (HttpServletResponse) getResponse());
        }

        @Override
        public void setStatus(int sc) {
            super.setStatus(sc);
            if (sc >= 400) {
                closeIfBodyUnread(request, (HttpServletResponse) getResponse());
            }
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (isCommitted()) {
                super.sendError(sc, msg);
                return;
            }
            resetBuffer();
            wroteBody = true;
            closeIfBodyUnread(request, (HttpServletResponse) getResponse());
            errors.write((HttpServletResponse) getResponse(), sc, JsonErrorHandler.message(sc, msg));
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            wroteBody = true;
            return super.getOutputStream();
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            wroteBody = true;
            return super.getWriter();
        }
    }
}
