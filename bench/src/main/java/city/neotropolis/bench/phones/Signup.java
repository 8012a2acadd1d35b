package city.neotropolis.bench.phones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The phones' players: registered and logged in over the API, eight at a time. */
final class Signup {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A logged-in player: the token its phone polls with, and its account number. */
    record Player(String token, String account) {}

    private Signup() {}

    static List<Player> players(URI base, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        List<Future<Player>> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "Phone " + run + "-" + i;
            pending.add(pool.submit(() -> {
                Map<String, String> who = Map.of("character_name", name, "password", "idle-phone-1");
                post(base, "/api/v1/auth/register", null, who);
                JsonNode login = post(base, "/api/v1/auth/login", null, who);
                return new Player(
                        login.get("access_token").asText(),
                        login.get("user").get("account_number").asText());
            }));
        }
        List<Player> players = new ArrayList<>();
        for (Future<Player> f : pending) {
            players.add(f.get());
        }
        pool.shutdown();
        return players;
    }

    static void pay(URI base, Player from, String toAccount, String amount) {
        post(base, "/api/v1/transactions", from, Map.of("to_account", toAccount, "amount", amount));
    }

    private static JsonNode post(URI base, String path, Player as, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (as != null) {
                b.header("Authorization", "Bearer " + as.token());
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
