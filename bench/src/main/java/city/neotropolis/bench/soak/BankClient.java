package city.neotropolis.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The service as the soak sees it: the JDK's HTTP client, JSON, and the shared login budget of one IP. */
final class BankClient {
    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String admin;
    private final HttpClient http;
    // All players share one IP and the server allows 600 logins a minute from it: 400 a minute with a
    // burst of 400 always stays under that bucket.
    private final Bucket logins = Bucket.builder()
            .addLimit(Bandwidth.builder()
                    .capacity(400)
                    .refillGreedy(400, Duration.ofMinutes(1))
                    .build())
            .build();

    BankClient(String base, String admin) {
        this.base = base;
        this.admin = admin;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(16, daemon("http")))
                .build();
    }

    static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Takes one login from the shared budget, waiting for it. */
    void awaitLogin() throws InterruptedException {
        logins.asBlocking().consume(1);
    }

    /** Takes one login from the shared budget if there is one now. */
    boolean tryLogin() {
        return logins.tryConsume(1);
    }

    static String loginBody(String name, String password) {
        return "{\"character_name\":\"" + name + "\",\"password\":\"" + password + "\"}";
    }

    HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET();
    }

    HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Set-up and summary calls: must answer {@code expect}, or the run stops. */
    JsonNode post(String path, String body, String token, int expect) throws IOException, InterruptedException {
        HttpRequest.Builder b = post(path, body).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException("POST " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    JsonNode get(String path, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = get(path).timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /**
     * One gauge of the admin port's {@code /metrics} (Prometheus text: {@code jvm.memory.heap.used} is
     * {@code jvm_memory_heap_used}), or -1.
     */
    long adminGauge(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(admin + "/metrics"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String prefix = name.replace('.', '_') + " ";
        return r.body()
                .lines()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .map(l -> (long) Double.parseDouble(l.substring(prefix.length()).trim()))
                .orElse(-1L);
    }

    /** Dropwizard's admin task: one full GC in the service. */
    void adminGc() throws IOException, InterruptedException {
        http.send(
                HttpRequest.newBuilder(URI.create(admin + "/tasks/gc"))
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
