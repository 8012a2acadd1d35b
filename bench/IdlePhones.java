import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What idle open phones cost the service. Each simulated phone is what the web app does while it
 * sits on screen: its own keep-alive connection, GET /api/v1/account every 2 s with the ETag of its
 * last answer (304 while nothing changed). Measures the server process's CPU time and RSS from
 * /proc over a window, against the same window with no phones; also sends a few transfers to
 * phones and times how long until the receiving phone's poll sees the new balance.
 * Run by bench/idle-phones.sh.
 */
public class IdlePhones {
    static String host;
    static int port;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        URI base = URI.create(o.get("base"));
        host = base.getHost();
        port = base.getPort();
        long pid = Long.parseLong(o.get("pid"));
        int phones = Integer.parseInt(o.getOrDefault("phones", "500"));
        int seconds = Integer.parseInt(o.getOrDefault("seconds", "60"));
        int intervalMs = Integer.parseInt(o.getOrDefault("interval-ms", "2000"));
        // The JIT compiles the poll path for a minute or more on 2 cores: measure after that.
        int warmup = Integer.parseInt(o.getOrDefault("warmup", "60"));
        HttpClient http = HttpClient.newHttpClient();

        long t0 = System.nanoTime();
        List<String[]> players = register(http, base, phones + 1); // {token, account}; the last one pays
        System.out.printf("registered and logged in %d players in %.1f s%n", players.size(), secs(t0));

        Usage idle = Usage.over(pid, seconds);
        System.out.printf("no phones:  %.2f %% of one core, RSS %d MiB%n", idle.corePercent(), idle.rssMiB());

        List<Phone> open = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            open.add(new Phone(players.get(i)[0]));
        }
        ScheduledExecutorService loop = Executors.newScheduledThreadPool(16);
        for (Phone p : open) {
            loop.scheduleAtFixedRate(p::poll, ThreadLocalRandom.current().nextInt(intervalMs), intervalMs,
                    TimeUnit.MILLISECONDS);
        }
        System.out.printf("%d phones connected and polling; warming up for %d s%n", phones, warmup);
        Thread.sleep(Math.max(10_000, warmup * 1000L)); // every phone connected, the poll path compiled
        Phone.reset();
        String[] payer = players.get(phones);
        Usage busy = Usage.over(pid, seconds, () -> payPhones(http, base, payer, players, open, seconds));
        loop.shutdownNow();
        loop.awaitTermination(10, TimeUnit.SECONDS);
        open.forEach(Phone::close);

        long polls = Phone.ok.get() + Phone.notModified.get();
        double cpu = busy.corePercent() - idle.corePercent();
        long[] lat = Phone.latencies();
        System.out.printf("%d phones:  %.2f %% of one core, RSS %d MiB%n", phones, busy.corePercent(), busy.rssMiB());
        System.out.printf("polls: %,d in %d s = %.0f/s (%d × 304, %d × 200, %d errors); poll latency p50 %.1f ms, p99 %.1f ms%n",
                polls, seconds, polls / (double) seconds, Phone.notModified.get(), Phone.ok.get(), Phone.errors.get(),
                pct(lat, 50), pct(lat, 99));
        System.out.printf("money seen by the receiving phone after: %s%n", Phone.seenText());
        System.out.printf("IDLE PHONES: %d open phones polling every %.1f s cost %.1f %% of one core above idle "
                        + "(%.0f µs CPU per poll) and %+d MiB RSS on %d cores; %d errors%n", phones, intervalMs / 1000.0, cpu,
                cpu / 100.0 * 1e6 / Math.max(1, polls / (double) seconds), busy.rssMiB() - idle.rssMiB(),
                Runtime.getRuntime().availableProcessors(), Phone.errors.get());
        System.exit(Phone.errors.get() == 0 ? 0 : 1);
    }

    /** Now and then a transfer to a random phone; the phone notes when its poll first shows it. */
    static void payPhones(HttpClient http, URI base, String[] payer, List<String[]> players, List<Phone> open,
                          int seconds) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int i = 0;
        while (System.nanoTime() < end - TimeUnit.SECONDS.toNanos(4) && i < 20) {
            int to = ThreadLocalRandom.current().nextInt(open.size());
            Phone p = open.get(to);
            p.expectChange();
            post(http, base, "/api/v1/transactions", payer[0],
                    "{\"to_account\":\"" + players.get(to)[1] + "\",\"amount\":1}");
            p.paidAt = System.nanoTime();
            i++;
            pause(Math.max(1, seconds * 1000L / 25));
        }
    }

    /** One phone: its own connection, its last ETag, and whether it is waiting to see money arrive. */
    static final class Phone {
        static final AtomicLong ok = new AtomicLong();
        static final AtomicLong notModified = new AtomicLong();
        static final AtomicLong errors = new AtomicLong();
        static final List<Long> latencyNs = java.util.Collections.synchronizedList(new ArrayList<>());
        static final List<Long> seenNs = java.util.Collections.synchronizedList(new ArrayList<>());
        final String token;
        Socket socket;
        OutputStream out;
        InputStream in;
        String etag;
        volatile boolean expecting;
        volatile long paidAt;

        Phone(String token) {
            this.token = token;
        }

        static void reset() {
            ok.set(0);
            notModified.set(0);
            latencyNs.clear();
        }

        void expectChange() {
            expecting = true;
            paidAt = 0;
        }

        synchronized void poll() {
            long start = System.nanoTime();
            try {
                if (socket == null || socket.isClosed()) {
                    socket = new Socket();
                    socket.connect(new InetSocketAddress(host, port), 5000);
                    socket.setSoTimeout(10_000);
                    socket.setTcpNoDelay(true);
                    out = socket.getOutputStream();
                    in = new BufferedInputStream(socket.getInputStream());
                }
                String req = "GET /api/v1/account HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAccept: application/json\r\n"
                        + "Authorization: Bearer " + token + "\r\n" + (etag == null ? "" : "If-None-Match: " + etag + "\r\n")
                        + "\r\n";
                out.write(req.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Response r = Response.read(in);
                latencyNs.add(System.nanoTime() - start);
                if (r.status == 304) {
                    notModified.incrementAndGet();
                } else if (r.status == 200) {
                    ok.incrementAndGet();
                    boolean first = etag == null;
                    etag = r.etag;
                    if (!first && expecting && paidAt != 0) {
                        seenNs.add(System.nanoTime() - paidAt);
                        expecting = false;
                    }
                } else {
                    errors.incrementAndGet();
                }
                if (r.close) {
                    close();
                }
            } catch (IOException e) {
                errors.incrementAndGet();
                close();
            }
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }

        static long[] latencies() {
            synchronized (latencyNs) {
                long[] a = latencyNs.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(a);
                return a;
            }
        }

        static String seenText() {
            synchronized (seenNs) {
                if (seenNs.isEmpty()) {
                    return "no payments observed";
                }
                long[] a = seenNs.stream().mapToLong(Long::longValue).sorted().toArray();
                return String.format("%d payments, median %.2f s, max %.2f s", a.length, a[a.length / 2] / 1e9,
                        a[a.length - 1] / 1e9);
            }
        }
    }

    /** The little of an HTTP/1.1 response a poll needs: status, ETag, body skipped. */
    record Response(int status, String etag, boolean close) {
        static Response read(InputStream in) throws IOException {
            String status = line(in);
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.split(" ")[1]);
            String etag = null;
            long length = 0;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                String lower = h.toLowerCase();
                if (lower.startsWith("etag:")) {
                    etag = h.substring(5).trim();
                } else if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(h.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long n = Long.parseLong(line(in).trim(), 16); n > 0; n = Long.parseLong(line(in).trim(), 16)) {
                    in.skipNBytes(n);
                    line(in);
                }
                line(in);
            } else {
                in.skipNBytes(length);
            }
            return new Response(code, etag, close);
        }

        static String line(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != -1; c = in.read()) {
                if (c == '\n') {
                    return b.toString().replace("\r", "");
                }
                b.append((char) c);
            }
            return b.length() == 0 ? null : b.toString();
        }
    }

    /** The server process's CPU time and resident memory over a window, from /proc. */
    record Usage(double corePercent, long rssMiB) {
        static Usage over(long pid, int seconds) throws Exception {
            return over(pid, seconds, () -> pause(seconds * 1000L));
        }

        static Usage over(long pid, int seconds, Runnable during) throws Exception {
            long ticks0 = cpuTicks(pid);
            long t0 = System.nanoTime();
            during.run();
            long left = TimeUnit.SECONDS.toNanos(seconds) - (System.nanoTime() - t0);
            if (left > 0) {
                pause(TimeUnit.NANOSECONDS.toMillis(left));
            }
            long ticks = cpuTicks(pid) - ticks0;
            double wall = (System.nanoTime() - t0) / 1e9;
            return new Usage(ticks / 100.0 / wall * 100, rssKiB(pid) / 1024);
        }

        static long cpuTicks(long pid) throws IOException {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime, in 1/100 s
        }

        static long rssKiB(long pid) throws IOException {
            for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
            return 0;
        }
    }

    static List<String[]> register(HttpClient http, URI base, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String[]>> all = new ArrayList<>();
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        for (int i = 0; i < n; i++) {
            String name = "Phone " + run + "-" + i;
            all.add(pool.submit(() -> {
                post(http, base, "/api/v1/auth/register", null,
                        "{\"character_name\":\"" + name + "\",\"password\":\"idle-phone-1\"}");
                String login = post(http, base, "/api/v1/auth/login", null,
                        "{\"character_name\":\"" + name + "\",\"password\":\"idle-phone-1\"}");
                return new String[] {field(login, "access_token"), field(login, "account_number")};
            }));
        }
        List<String[]> out = new ArrayList<>();
        for (Future<String[]> f : all) {
            out.add(f.get());
        }
        pool.shutdown();
        return out;
    }

    static String post(HttpClient http, URI base, String path, String token, String json) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) {
                throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static double pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)] / 1e6;
    }

    static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new ConcurrentHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}
