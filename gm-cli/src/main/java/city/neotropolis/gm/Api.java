package city.neotropolis.gm;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/** The admin API over HTTP: JSON in and out, every failure turned into a {@link GmException} with its exit code. */
public final class Api {
    /** One mapper for the console: amounts stay exact decimals, as the server wrote them. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Told how far a download has come; total is -1 when the server did not say. */
    public interface Progress {
        void update(long done, long total);
    }

    private final HttpClient http;
    private final String base;
    private final String token;

    public Api(HttpClient http, String base, String token) {
        this.http = http;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.token = token;
    }

    public static HttpClient newHttpClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public String base() {
        return base;
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** A path segment, escaped (names may hold spaces and slashes). */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public JsonNode get(String path) {
        return json(send(request(path).GET()));
    }

    public JsonNode post(String path, JsonNode body) {
        return json(send(withJson(request(path), "POST", body)));
    }

    public JsonNode put(String path, JsonNode body) {
        return json(send(withJson(request(path), "PUT", body)));
    }

    public JsonNode delete(String path) {
        return json(send(request(path).DELETE()));
    }

    /** A POST of a non-JSON body (a CSV import), answered in JSON. */
    public JsonNode post(String path, String contentType, String body) {
        return json(send(request(path)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))));
    }

    /** A GET answered with text (a CSV export). */
    public String text(String path) {
        return send(request(path).GET()).body();
    }

    /** Streams a GET into {@code target} through a temporary file, so a broken download leaves nothing behind. */
    public long download(String path, Path target, Progress progress) {
        HttpResponse<InputStream> r =
                exchange(request(path).timeout(Duration.ofHours(1)).GET(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() >= 400) {
            String body;
            try (InputStream in = r.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw failure(r.statusCode(), body);
        }
        long total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        long done = 0;
        try (InputStream in = r.body();
                OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                done += n;
                progress.update(done, total);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new GmException(GmException.UNAVAILABLE, "download of " + path + " broke off: " + e.getMessage(), e);
        }
        if (total >= 0 && done != total) {
            deleteQuietly(tmp);
            throw new GmException(
                    GmException.UNAVAILABLE,
                    "download of " + path + " was cut short (" + done + " of " + total + " bytes)");
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new GmException(GmException.REFUSED, "cannot write " + target + ": " + e.getMessage(), e);
        }
        return done;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
        } catch (IllegalArgumentException e) {
            throw GmException.usage("not a usable URL: " + base + path);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder b, String method, JsonNode body) {
        try {
            return b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        HttpResponse<String> r = exchange(b, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (r.statusCode() >= 400) {
            throw failure(r.statusCode(), r.body());
        }
        return r;
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(b.build(), handler);
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new GmException(GmException.UNAVAILABLE, "cannot connect to " + base, e);
        } catch (HttpTimeoutException e) {
            throw new GmException(GmException.UNAVAILABLE, base + " did not answer in time", e);
        } catch (IOException e) {
            throw new GmException(GmException.UNAVAILABLE, "cannot talk to " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GmException(GmException.UNAVAILABLE, "interrupted", e);
        }
    }

    private GmException failure(int status, String body) {
        String message = errorMessage(body);
        if (message == null) {
            message = "HTTP " + status;
        }
        if (status == 401 && token != null) {
            return new GmException(
                    GmException.NOT_LOGGED_IN, message + " (the session is no longer accepted: run `gm login NAME`)");
        }
        if (status >= 500) {
            return new GmException(GmException.UNAVAILABLE, "server error " + status + ": " + message);
        }
        return new GmException(GmException.REFUSED, message);
    }

    private static String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && n.hasNonNull("error") ? n.get("error").asText() : null;
        } catch (IOException notJson) {
            return null;
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        String body = r.body();
        if (body == null || body.isBlank()) {
            return object();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new GmException(
                    GmException.UNAVAILABLE, "the server answered something that is not JSON: " + abbreviate(body));
        }
    }

    private static String abbreviate(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() > 120 ? one.substring(0, 120) + "..." : one;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: the partial file is named .part and harmless
        }
    }
}
