package city.neotropolis.neobank.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real fat jar as a child process, so that a kill is a real SIGKILL: no shutdown hooks, no
 * flushing, the data left exactly as the crash left it. Every start uses the same data and ports.
 */
final class BankProcess implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path jar;
    private final Path config;
    private final Path log;
    private final Map<String, String> env;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private Process process;
    private int starts;

    BankProcess(Path jar, Path config, Path runDir, Map<String, String> dbEnv) {
        this.jar = jar;
        this.config = config;
        this.log = runDir.resolve("service.log");
        this.port = freePort();
        this.env = new java.util.HashMap<>(dbEnv);
        env.put("PORT", Integer.toString(port));
        env.put("ADMIN_PORT", Integer.toString(freePort()));
        env.put("NEOBANK_DATA_DIR", runDir.resolve("data").toString());
        env.put("NEOBANK_SECRET_KEY", CrashRun.SECRET);
        env.put("NEOBANK_ADMIN_PASSWORD", CrashRun.GM_PASSWORD);
        env.put("NEOBANK_RATE_LIMITS_ENABLED", "false");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the service and returns once GET /health answers 200. */
    void start() {
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString(),
                "server",
                config.toString()));
        pb.environment().keySet().removeIf(k -> k.startsWith("NEOBANK_"));
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.writeString(
                    log,
                    "\n===== start " + (++starts) + " =====\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
    }

    private void awaitHealthy() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create(base() + "/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "\n" + logTail());
            }
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(50);
        }
        throw new IllegalStateException("the service was not healthy within " + STARTUP + "\n" + logTail());
    }

    /** SIGKILL (destroyForcibly on Linux), and wait until the process is gone. */
    void kill() {
        process.destroyForcibly();
        waitGone(process);
    }

    /** A graceful stop (SIGTERM): Dropwizard drains requests and closes the database. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    Path log() {
        return log;
    }

    /** The end of the service log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "----- " + log + " (last 60 lines) -----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void waitGone(Process p) {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
