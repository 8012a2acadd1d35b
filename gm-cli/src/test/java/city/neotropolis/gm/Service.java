package city.neotropolis.gm;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine;

/** The real service on a fresh SQLite file, and the console run against it as a GM would run it. */
final class Service {
    static final String GM_NAME = "admin";
    static final String GM_PASSWORD = "gm-password-1";
    static final String PLAYER_PASSWORD = "password1";
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** What one console command did: its exit code and everything it printed. */
    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return Api.JSON.readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out + " (stderr: " + err + ")", e);
            }
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** A player registered over the public API. */
    record Player(String name, String accountNumber) {}

    private Service() {}

    static DropwizardAppExtension<NeoBankConfiguration> app() {
        Path dir = tempDir("neobank-gm-test-");
        return new DropwizardAppExtension<>(
                NeoBankApplication.class,
                ResourceHelpers.resourceFilePath("gm-test-config.yml"),
                ConfigOverride.config("database.url", "jdbc:sqlite:" + dir.resolve("neobank.db")),
                ConfigOverride.config("bank.dataDir", dir.toString()));
    }

    static String url(DropwizardAppExtension<NeoBankConfiguration> app) {
        return "http://127.0.0.1:" + app.getLocalPort();
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code gm --url URL --home HOME args...} with the given stdin and no terminal. */
    static Run gm(String url, Path home, String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of("--url", url, "--home", home.toString()));
        all.addAll(List.of(args));
        return gmRaw(Map.of(), stdin, all.toArray(String[]::new));
    }

    /** Runs the console exactly with these arguments and environment. */
    static Run gmRaw(Map<String, String> env, String stdin, String... args) {
        Io io = new Io(
                env, Io.lines(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), prompt -> null, false);
        CommandLine cl = GmConsole.commandLine(new GmConsole(io));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** A fresh GM home with the GM logged in to the service through the console itself. */
    static Path loggedIn(String url) {
        Path home = tempDir("gm-home-");
        Run r = gm(url, home, GM_PASSWORD + "\n", "login", GM_NAME, "--password-stdin");
        if (r.code() != 0) {
            throw new AssertionError("gm login failed: " + r);
        }
        return home;
    }

    /** A player's balance as they see it themselves. */
    static java.math.BigDecimal balance(String url, Player p) {
        return account(url, login(url, p.name(), PLAYER_PASSWORD))
                .path("balance")
                .decimalValue();
    }

    /** Registers a fresh player (starting balance 1000) through the public API. */
    static Player player(String url, String prefix) {
        return player(url, prefix, "");
    }

    /** Registers a fresh player of a faction (starting balance 1000). */
    static Player player(String url, String prefix, String faction) {
        String name = prefix + "-" + NAMES.incrementAndGet();
        JsonNode user = new Api(Api.newHttpClient(), url, null)
                .post(
                        "/api/v1/auth/register",
                        Api.object()
                                .put("character_name", name)
                                .put("password", PLAYER_PASSWORD)
                                .put("faction", faction))
                .path("user");
        return new Player(name, user.path("account_number").asText());
    }

    /** A player's own token, to check what they see. */
    static String login(String url, String name, String password) {
        return new Api(Api.newHttpClient(), url, null)
                .post(
                        "/api/v1/auth/login",
                        Api.object().put("character_name", name).put("password", password))
                .path("access_token")
                .asText();
    }

    static JsonNode account(String url, String token) {
        return new Api(Api.newHttpClient(), url, token).get("/api/v1/account").path("account");
    }
}
