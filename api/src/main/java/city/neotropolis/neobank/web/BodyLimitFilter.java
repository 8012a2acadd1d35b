package city.neotropolis.neobank.web;

import com.google.common.base.Throwables;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Refuses bodies over the limit with 413: at once when Content-Length says so, and while reading
 * when a chunked body grows past it.
 */
public final class BodyLimitFilter implements Filter {
    private final long limit;
    private final ErrorWriter errors;

    public BodyLimitFilter(long limit, ErrorWriter errors) {
        this.limit = limit;
        this.errors = errors;
    }

    /** Thrown from the body stream when it passes the limit; mapped to 413. */
    public static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("Request body is larger than " + (limit / 1024) + " KiB");
        }
    }

    /** The TooLarge somewhere in a chain of causes, or null. */
    static Throwable tooLarge(Throwable e) {
        return Throwables.getCausalChain(e).stream()
                .filter(TooLarge.class::isInstance)
                .findFirst()
                .orElse(null);
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        if (http.getContentLengthLong() > limit) {
            // The body stays unread, so the connection cannot be reused: say so.
            ((HttpServletResponse) res).setHeader("Connection", "close");
            errors.write((HttpServletResponse) res, 413, new TooLarge(limit).getMessage());
            return;
        }
        chain.doFilter(new Limited(http, limit), res);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        private void add(long n) throws TooLarge {
            if (n > 0) {
                count += n;
                if (count > limit) {
                    throw new TooLarge(limit);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            add(b >= 0 ? 1 : 0);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            add(n);
            return n;
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
