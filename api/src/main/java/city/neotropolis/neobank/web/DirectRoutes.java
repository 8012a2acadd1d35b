package city.neotropolis.neobank.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The money routes (transfers, spins, terminal charges) answered before Jersey, as {@code
 * BalancePoll} answers the balance: Jersey's routing, injection, filter and response stages cost
 * a quarter to a third of a money request's CPU (bench/README.md). Each route calls the very resource method
 * Jersey calls, with the same parsed body and headers, so the rules, the idempotency and the
 * answer's JSON are the resource's own; its exceptions become the same answers through the same
 * {@link ErrorMappers}. Anything unusual — a query string, another content type or charset, an
 * Accept other than JSON, a repeated header, a compressed body, a chunked, empty, {@code null} or unparsable body, no
 * or a bad credential (the route says) — goes on down the chain to Jersey untouched (the body
 * replayed), which answers it exactly as before. Runs after the request id, security header and
 * body limit filters, so the answer carries what theirs do.
 */
public final class DirectRoutes implements Filter {
    /** The servlet path this filter is mapped to: every route is under it. */
    public static final String MAPPING = "/api/v1/*";

    private static final Pattern PARAM = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final String[] SINGLE = {"Authorization", "Idempotency-Key", "X-API-Key", "Content-Type", "Accept"};

    /** What one call brought: its parsed JSON body, the path's variable part (or null), its headers. */
    public record Call<T>(T body, String param, HttpServletRequest request) {
        /** The header's value (at most one is sent: a repeated header never gets here), or null. */
        public String header(String name) {
            return request.getHeader(name);
        }
    }

    /**
     * A call a route takes on: the account it acts for ({@code null}: none), marked active when
     * the answer is not an error as Jersey's activity filter does, and the work that answers it.
     */
    public record Answer(Long accountId, Supplier<Response> work) {}

    /** Decides whether to answer a call here; must change nothing when it declines. */
    @FunctionalInterface
    public interface Route<T> {
        /** The work, or null: not answered here (Jersey answers it, as any other request). */
        Answer accept(Call<T> call);
    }

    private record Entry<T>(String prefix, String suffix, ObjectReader reader, Route<T> route) {}

    private final boolean enabled;
    private final ObjectMapper json;
    private final Function<Throwable, Response> errors;
    private final LongConsumer answered;
    private final Map<String, Entry<?>> exact = new HashMap<>();
    private final List<Entry<?>> templates = new ArrayList<>();
    private final LongAdder direct = new LongAdder();

    /**
     * {@code enabled}: false leaves every request to Jersey (the same answers at Jersey's cost);
     * {@code answered}: told whom each answer that is not an error went to (the activity mark).
     */
    public DirectRoutes(boolean enabled, ObjectMapper json, ErrorWriter errors, LongConsumer answered) {
        this.enabled = enabled;
        this.json = json;
        this.errors = ErrorMappers.dispatcher(errors);
        this.answered = answered;
    }

    /**
     * Answers {@code POST path} here; {@code path} is a full request path, with at most one {@code
     * {}} standing for a path segment of letters, digits, '-' and '_'.
     */
    public <T> void post(String path, Class<T> bodyType, Route<T> route) {
        if (!path.startsWith(MAPPING.substring(0, MAPPING.length() - 1))) {
            throw new IllegalArgumentException(path + " is not under " + MAPPING);
        }
        int hole = path.indexOf("{}");
        Entry<T> e = new Entry<>(
                hole < 0 ? path : path.substring(0, hole),
                hole < 0 ? null : path.substring(hole + 2),
                json.readerFor(bodyType),
                route);
        if (hole < 0) {
            exact.put(path, e);
        } else {
            templates.add(e);
        }
    }

    /** How many requests were answered here (not by Jersey) since the start. */
    public long answeredDirectly() {
        return direct.sum();
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) req;
        if (!enabled || !"POST".equals(http.getMethod()) || http.getQueryString() != null) {
            chain.doFilter(req, res);
            return;
        }
        String uri = http.getRequestURI();
        String[] param = new String[1];
        Entry<?> entry = find(uri, param);
        int length = http.getContentLength();
        if (entry == null || length <= 0 || !plainJson(http)) {
            chain.doFilter(req, res);
            return;
        }
        byte[] body = http.getInputStream().readNBytes(length);
        Answer answer = body.length == length ? accept(entry, body, param[0], http) : null;
        if (answer == null) {
            chain.doFilter(new Replayed(http, body), res);
            return;
        }
        direct.increment();
        Response r;
        try {
            r = answer.work().get();
        } catch (RuntimeException e) {
            r = errors.apply(e);
        }
        if (answer.accountId() != null && r.getStatus() < 400) {
            answered.accept(answer.accountId());
        }
        write(r, (HttpServletResponse) res);
    }

    private Entry<?> find(String uri, String[] param) {
        Entry<?> e = exact.get(uri);
        if (e != null) {
            return e;
        }
        for (Entry<?> t : templates) {
            if (uri.length() > t.prefix().length() + t.suffix().length()
                    && uri.startsWith(t.prefix())
                    && uri.endsWith(t.suffix())) {
                String middle = uri.substring(
                        t.prefix().length(), uri.length() - t.suffix().length());
                if (PARAM.matcher(middle).matches()) {
                    param[0] = middle;
                    return t;
                }
            }
        }
        return null;
    }

    private static <T> Answer accept(Entry<T> entry, byte[] body, String param, HttpServletRequest http) {
        T parsed;
        try {
            parsed = entry.reader().readValue(body);
        } catch (IOException e) {
            return null; // Jersey's answer for a bad body is the one players know
        }
        return parsed == null ? null : entry.route().accept(new Call<>(parsed, param, http));
    }

    /** A JSON body in UTF-8, a JSON answer wanted, and none of the headers that matter sent twice. */
    private static boolean plainJson(HttpServletRequest http) {
        for (String name : SINGLE) {
            Enumeration<String> values = http.getHeaders(name);
            if (values != null && values.hasMoreElements()) {
                values.nextElement();
                if (values.hasMoreElements()) {
                    return false;
                }
            }
        }
        String type = http.getHeader("Content-Type");
        if (type == null || http.getHeader("Content-Encoding") != null) {
            return false;
        }
        type = type.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        if (!type.equals("application/json") && !type.equals("application/json;charset=utf-8")) {
            return false;
        }
        String accept = http.getHeader("Accept");
        return accept == null || accept.equals("*/*") || accept.equals("application/json");
    }

    /** Writes a resource's or a mapper's answer as Jersey would: its status, headers and JSON. */
    private void write(Response r, HttpServletResponse out) throws IOException {
        Object entity = r.getEntity();
        byte[] bytes = entity == null
                ? new byte[0]
                : entity instanceof String s ? s.getBytes(UTF_8) : json.writeValueAsBytes(entity);
        out.setStatus(r.getStatus());
        r.getStringHeaders().forEach((name, values) -> values.forEach(v -> out.addHeader(name, v)));
        out.setContentLength(bytes.length);
        out.getOutputStream().write(bytes);
    }

    /** The request with the body this filter read, for Jersey to read again. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;
        private ServletInputStream stream;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            if (stream == null) {
                stream = new Bytes(body);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), UTF_8));
        }
    }

    private static final class Bytes extends ServletInputStream {
        private final ByteArrayInputStream in;

        Bytes(byte[] body) {
            this.in = new ByteArrayInputStream(body);
        }

        @Override
        public int read() {
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            try {
                listener.onDataAvailable();
                listener.onAllDataRead();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
