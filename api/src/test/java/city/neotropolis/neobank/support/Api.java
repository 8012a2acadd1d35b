package city.neotropolis.neobank.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A small JSON client for the real service over HTTP, as a phone or terminal would call it. */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger NAMES = new AtomicInteger();
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(String base) {
        this.base = base;
    }

    /** A response: status, body as a JSON tree (null when not JSON), raw body and headers. */
    public record Res(int status, JsonNode json, String body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    /** A registered, logged-in player. */
    public record Session(String name, String accountNumber, String token) {}

    public Res get(String path, String token) {
        return send(builder(path, token).GET());
    }

    public Res post(String path, String token, String body, String... headers) {
        return send(builder(path, token, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Res put(String path, String token, String body, String... headers) {
        return send(builder(path, token, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Res delete(String path, String token) {
        return send(builder(path, token).DELETE());
    }

    /** Any request, for tests of odd methods, content types and raw bodies. */
    public Res send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = r.body().isEmpty() ? null : JSON.readTree(r.body());
            } catch (IOException notJson) {
                // left null: the test decides whether that is acceptable
            }
            return new Res(r.statusCode(), json, r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path, String token, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    public static String uniqueName(String prefix) {
        return prefix + NAMES.incrementAndGet() + "x" + Long.toString(System.nanoTime() % 100000, 36);
    }

    /** Registers a character with password "password1" and logs in. */
    public Session player(String prefix) {
        String name = uniqueName(prefix);
        Res reg =
                post("/api/v1/auth/register", null, "{\"character_name\":\"" + name + "\",\"password\":\"password1\"}");
        if (reg.status() != 201) {
            throw new IllegalStateException("register failed: " + reg.body());
        }
        return login(name, "password1");
    }

    public Session login(String name, String password) {
        Res login = post(
                "/api/v1/auth/login", null, "{\"character_name\":\"" + name + "\",\"password\":\"" + password + "\"}");
        if (login.status() != 200) {
            throw new IllegalStateException("login failed: " + login.body());
        }
        return new Session(
                name,
                login.json().at("/user/account_number").asText(),
                login.json().get("access_token").asText());
    }

    public Session gm() {
        return login(TestApp.GM_NAME, TestApp.GM_PASSWORD);
    }

    /** The balance in hundredths, read through the API. */
    public long balance(Session s) {
        Res r = get("/api/v1/account", s.token());
        return r.json().at("/account/balance").decimalValue().movePointRight(2).longValueExact();
    }
}
