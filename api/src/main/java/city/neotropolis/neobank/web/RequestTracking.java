package city.neotropolis.neobank.web;

import city.neotropolis.neobank.metrics.BankMetrics;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The first thing every request meets: an {@code X-Request-Id} (the caller's, when it is a sane
 * token, else a new one) on the response and in the logging context of every log line written
 * while the request runs ({@code %X{requestId}}, or the {@code mdc} field of a JSON line); and
 * afterwards the request's status and time, and the reason of a refusal, counted for /metrics.
 * Requests are answered on the thread that received them, so thread-local context is enough.
 */
public final class RequestTracking implements Filter {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    // What a proxy or client may hand us: no spaces, quotes or control characters in the logs.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final ThreadLocal<String> REASON = new ThreadLocal<>();
    private final boolean counted;

    /** {@code counted}: the application port's requests are metrics; the admin port's (scrapes) are not. */
    public RequestTracking(boolean counted) {
        this.counted = counted;
    }

    /** The reason of the refusal being answered on this thread, when it names one. */
    static void refusedFor(String reason) {
        REASON.set(reason);
    }

    /** The caller's id when it is sane, else a new random one (not a secret: 64 random bits). */
    static String idFor(String incoming) {
        if (incoming != null && SANE.matcher(incoming).matches()) {
            return incoming;
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return Long.toHexString(r.nextLong() | Long.MIN_VALUE) + Long.toHexString(r.nextLong() | Long.MIN_VALUE);
    }

    private static void count(int status, long nanos) {
        if (status >= 400) {
            String reason = REASON.get();
            BankMetrics.refused(reason != null ? reason : BankMetrics.reasonOf(status));
        }
        BankMetrics.answered(status, nanos);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        long started = System.nanoTime();
        HttpServletResponse out = (HttpServletResponse) res;
        String id = idFor(((HttpServletRequest) req).getHeader(HEADER));
        out.setHeader(HEADER, id);
        MDC.put(MDC_KEY, id);
        REASON.remove();
        try {
            chain.doFilter(req, res);
        } finally {
            if (counted) {
                count(out.getStatus(), System.nanoTime() - started);
            }
            REASON.remove();
            MDC.remove(MDC_KEY);
        }
    }
}
