package city.neotropolis.neobank.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the off-site backup tests: s3proxy (from Maven Central, copied to
 * target/s3proxy by the build) run as its own process on loopback, keeping objects in memory.
 */
public final class S3Server implements AutoCloseable {
    public static final String IDENTITY = "neobank-test";
    public static final String CREDENTIAL = "neobank-test-credential";
    private final Process process;

    private S3Server(Process process) {
        this.process = process;
    }

    /** A port in this engineer's range (25780-25788) that nothing listens on right now. */
    public static int freePort() {
        for (int port = 25780; port <= 25788; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IllegalStateException("No free port in 25780-25788");
    }

    /** Starts s3proxy on {@code port} and waits (with a deadline) until it accepts connections. */
    public static S3Server start(int port) {
        String jar = System.getProperty("s3proxy.jar", "target/s3proxy/s3proxy.jar");
        if (!Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("s3proxy is missing at " + jar + ": run the tests through Maven");
        }
        try {
            Path dir = Files.createTempDirectory("s3proxy-");
            Path props = dir.resolve("s3proxy.properties");
            Files.writeString(
                    props,
                    String.join(
                            "\n",
                            "s3proxy.endpoint=http://127.0.0.1:" + port,
                            "s3proxy.authorization=aws-v2-or-v4",
                            "s3proxy.identity=" + IDENTITY,
                            "s3proxy.credential=" + CREDENTIAL,
                            "jclouds.provider=transient-nio2",
                            ""));
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Xmx128m",
                            "-jar",
                            jar,
                            "--properties",
                            props.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("s3proxy.log").toFile())
                    .start();
            S3Server server = new S3Server(p);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (Instant.now().isBefore(deadline)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("s3proxy exited: " + Files.readString(dir.resolve("s3proxy.log")));
                }
                try (Socket s = new Socket("127.0.0.1", port)) {
                    return server;
                } catch (IOException notYet) {
                    p.waitFor(100, TimeUnit.MILLISECONDS);
                }
            }
            server.close();
            throw new IllegalStateException("s3proxy did not start within 60 s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
