package city.neotropolis.neobank.e2e.support;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real service on a fresh SQLite file, started once for all browser tests (the same way
 * DropwizardAppExtension does it), plus a plain HTTP client for setting up what a test does not
 * click through itself: players, GM actions.
 */
public final class Service implements BeforeAllCallback, ExtensionContext.Store.CloseableResource, AutoCloseable {
    public static final String GM_PASSWORD = "gm-password-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Service running;

    private DropwizardTestSupport<NeoBankConfiguration> app;
    private Path database;
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Service.class, k -> {
            start();
            return this;
        });
    }

    private synchronized void start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("neobank-e2e-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database = dir.resolve("neobank.db");
        app = new DropwizardTestSupport<>(
                NeoBankApplication.class,
                ResourceHelpers.resourceFilePath("e2e-config.yml"),
                ConfigOverride.config("database.url", "jdbc:sqlite:" + dir.resolve("neobank.db")),
                ConfigOverride.config("bank.dataDir", dir.toString()));
        try {
            app.before();
        } catch (Exception e) {
            throw new IllegalStateException("the service did not start", e);
        }
        running = this;
        forgetOldFailures();
    }

    /** Screenshots of failures from earlier runs would mislead whoever looks at this run's. */
    private static void forgetOldFailures() {
        Path shots = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try (var old = Files.newDirectoryStream(shots, "FAILED-*.png")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // no screenshots yet
        }
    }

    @Override
    public void close() {
        app.after();
        running = null;
    }

    /** The service every browser test talks to. */
    public static Service get() {
        if (running == null) {
            throw new IllegalStateException("annotate the test class with @ExtendWith(Service.class)");
        }
        return running;
    }

    public String base() {
        return "http://127.0.0.1:" + app.getLocalPort();
    }

    /** Registers a character through the API and returns its token and account number. */
    public Session register(String name, String password) {
        call("POST", "/api/v1/auth/register", null, Map.of("character_name", name, "password", password));
        return login(name, password);
    }

    public Session login(String name, String password) {
        JsonNode r = call("POST", "/api/v1/auth/login", null, Map.of("character_name", name, "password", password));
        return new Session(
                r.get("access_token").asText(),
                r.get("user").get("account_number").asText());
    }

    /** How many of this character's journal rows (the newest 100) carry this memo. */
    public long rowsWithMemo(Session who, String memo) {
        return call("GET", "/api/v1/account/transactions?limit=100", who, null)
                .get("transactions")
                .findValuesAsText("memo")
                .stream()
                .filter(memo::equals)
                .count();
    }

    public double balance(Session who) {
        return call("GET", "/api/v1/account", who, null)
                .get("account")
                .get("balance")
                .asDouble();
    }

    /** The bank's registration mode, "open" while the service has no such route. */
    public String registrationMode() {
        try {
            return call("GET", "/api/v1/auth/registration", null, null)
                    .get("mode")
                    .asText();
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("-> 404")) {
                return "open";
            }
            throw e;
        }
    }

    /**
     * The player's live, still secret casino server seed and next nonce, read from the bank's own
     * SQLite file: only a test may know it, to pick a client seed that gives a chosen outcome.
     */
    public LiveSeed liveSeed(Session who) {
        call("GET", "/api/v1/casino/fairness", who, null);
        String sql = "SELECT f.server_seed, f.nonce FROM casino_fairness f JOIN accounts a ON a.id = f.account_id "
                + "WHERE a.account_number = ?";
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
                PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, who.account());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no casino seeds for " + who.account());
                }
                return new LiveSeed(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the seeds", e);
        }
    }

    public record LiveSeed(String serverSeed, long nonce) {}

    private Session gm;

    /**
     * The GM's session, logged in once: the bank allows ten log-ins a minute per name, and the tests
     * together ask for the GM far more often than that.
     */
    public synchronized Session gm() {
        if (gm == null) {
            gm = login("admin", GM_PASSWORD);
        }
        return gm;
    }

    public JsonNode call(String method, String path, Session as, Object body) {
        try {
            HttpRequest.Builder b =
                    HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json");
            if (as != null) {
                b.header("Authorization", "Bearer " + as.token());
            }
            if (body == null) {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                b.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " -> " + res.statusCode() + " " + res.body());
            }
            return res.body().isEmpty() ? JSON.nullNode() : JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A signed-in character, for setting things up over HTTP. */
    public record Session(String token, String account) {}
}
