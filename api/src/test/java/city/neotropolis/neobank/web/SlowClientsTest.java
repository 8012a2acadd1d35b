package city.neotropolis.neobank.web;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hundreds of connections trickling a login body byte by byte, against a server with far fewer
 * threads than that: a real player's balance reads keep answering within a second, and the
 * tricklers are cut off with 408 once their body deadline passes.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Slow clients cannot hold the server's threads")
class SlowClientsTest {
    static final int THREADS = 24;
    static final int TRICKLERS = 300;
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
            ConfigOverride.config("server.maxThreads", Integer.toString(THREADS)),
            ConfigOverride.config("server.minThreads", "8"),
            ConfigOverride.config("security.bodyDeadline", "3 seconds"));
    static final String LOGIN = "{\"character_name\":\"nobody-at-all\",\"password\":\"password1\"}";

    final List<Socket> sockets = new ArrayList<>();
    final ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void close() throws IOException {
        trickle.shutdownNow();
        for (Socket s : sockets) {
            s.close();
        }
    }

    private Socket open(String head) throws IOException {
        Socket s = new Socket("127.0.0.1", APP.getLocalPort());
        s.setSoTimeout(200);
        s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
        sockets.add(s);
        return s;
    }

    private static String loginHead(int length) {
        return "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    /** The status line's code once the server has answered, 0 while it has not, -1 if it closed without one. */
    private static int status(Socket s, StringBuilder seen) {
        try {
            InputStream in = s.getInputStream();
            byte[] buf = new byte[4096];
            int n = in.read(buf);
            if (n < 0) {
                return seen.length() == 0 ? -1 : parse(seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            return parse(seen);
        } catch (SocketTimeoutException e) {
            return seen.length() == 0 ? 0 : parse(seen);
        } catch (IOException e) {
            return seen.length() == 0 ? -1 : parse(seen);
        }
    }

    private static int parse(StringBuilder seen) {
        String text = seen.toString();
        return text.startsWith("HTTP/1.1 ") && text.length() >= 12 ? Integer.parseInt(text.substring(9, 12)) : 0;
    }

    @Test
    @DisplayName("reads answer within a second while 300 connections trickle login bodies, and the tricklers get 408")
    void tricklersDoNotStarveReads() throws Exception {
        Api api = TestApp.api(APP);
        Api.Session reader = api.player("reader");
        byte[] body = LOGIN.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < TRICKLERS; i++) {
            open(loginHead(body.length) + "{");
        }
        // One more byte to every connection every half second: never idle, never complete.
        AtomicInteger sent = new AtomicInteger(1);
        trickle.scheduleAtFixedRate(
                () -> {
                    int at = sent.getAndIncrement();
                    if (at >= body.length - 1) {
                        return;
                    }
                    for (Socket s : sockets) {
                        try {
                            OutputStream out = s.getOutputStream();
                            out.write(body[at]);
                            out.flush();
                        } catch (IOException closedByServer) {
                            // The server cut it off: that is the point.
                        }
                    }
                },
                500,
                500,
                TimeUnit.MILLISECONDS);

        long slowest = 0;
        int reads = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (System.nanoTime() < until) {
            long t0 = System.nanoTime();
            Api.Res r = api.get("/api/v1/account", reader.token());
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            slowest = Math.max(slowest, ms);
            reads++;
        }
        System.out.println("slow clients: " + TRICKLERS + " tricklers, " + THREADS + " threads, " + reads
                + " balance reads, slowest " + slowest + " ms");
        assertThat(slowest).as("slowest of %d balance reads, ms", reads).isLessThan(1000);
        assertThat(reads).isGreaterThan(5);

        // Past the 3 s body deadline every trickler is answered 408 and its connection closed.
        int[] statuses = new int[TRICKLERS];
        StringBuilder[] seen = new StringBuilder[TRICKLERS];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int open = TRICKLERS;
        while (open > 0 && System.nanoTime() < deadline) {
            open = 0;
            for (int i = 0; i < TRICKLERS; i++) {
                if (statuses[i] == 0) {
                    if (seen[i] == null) {
                        seen[i] = new StringBuilder();
                    }
                    statuses[i] = status(sockets.get(i), seen[i]);
                    if (statuses[i] == 0) {
                        open++;
                    }
                }
            }
        }
        assertThat(statuses).as("every trickler answered 408").containsOnly(408);
        assertThat(seen[0].toString()).contains("\"error\"");
    }

    @Test
    @DisplayName("a body that arrives in pieces within the deadline is answered normally")
    void slowButHonestBody() throws Exception {
        byte[] body = LOGIN.getBytes(StandardCharsets.US_ASCII);
        Socket s = open(loginHead(body.length) + LOGIN.substring(0, 10));
        StringBuilder seen = new StringBuilder();
        assertThat(status(s, seen)).as("no answer before the body is complete").isZero();
        s.getOutputStream().write(body, 10, body.length - 10);
        s.getOutputStream().flush();
        int status = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (status == 0 && System.nanoTime() < deadline) {
            status = status(s, seen);
        }
        assertThat(status).as(seen.toString()).isEqualTo(401);
        assertThat(seen.toString()).contains("Invalid character name or password");
    }

    private int answer(Socket s, StringBuilder seen) {
        int status = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (status == 0 && System.nanoTime() < deadline) {
            status = status(s, seen);
        }
        return status;
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    @Test
    @DisplayName("a chunked body is read in full too: a small one is answered, one past 64 KiB is 413")
    void chunkedBodies() throws Exception {
        String head = "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n";
        Socket small = open(head + chunk(LOGIN.substring(0, 20)) + chunk(LOGIN.substring(20)) + "0\r\n\r\n");
        StringBuilder seen = new StringBuilder();
        assertThat(answer(small, seen)).as(seen.toString()).isEqualTo(401);

        Socket big = open(head);
        String piece = "x".repeat(8192);
        for (int i = 0; i < 9; i++) {
            big.getOutputStream().write(chunk(piece).getBytes(StandardCharsets.US_ASCII));
        }
        big.getOutputStream().flush();
        StringBuilder bigSeen = new StringBuilder();
        assertThat(answer(big, bigSeen)).as(bigSeen.toString()).isEqualTo(413);
        assertThat(bigSeen.toString()).contains("application/json").contains("\"error\"");
    }
}
