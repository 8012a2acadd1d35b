import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak load: N simulated players against a running NeoBank for M minutes, with production rate
 * limits on. Run by bench/soak.sh (see bench/README-soak.md), which starts the service:
 *
 *   java -cp api/target/neobank.jar bench/Soak.java --base URL --admin URL --pid PID
 *        --gm-password PW [--players 500] [--minutes 10] [--gc-log FILE]
 *
 * Each player is a closed loop: act, wait for the answer, think (exponential, mean 6 s), act again.
 * Every ~2 minutes a burst makes every idle player act within 5 s. Prints a status line every 10 s
 * and a summary at the end; exit 0 only with zero errors, a verified ledger and flat memory.
 */
public class Soak {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "soak-password-1";

    // ---- settings ----
    static String base = "http://127.0.0.1:27080";
    static String admin = "http://127.0.0.1:27081";
    static long pid = -1;
    static String gmPassword;
    static int players = 500;
    static double minutes = 10;
    static double thinkMeanSeconds = 6;
    static Path gcLog;

    static HttpClient http;
    static ScheduledExecutorService scheduler;
    static volatile boolean running = true;
    static final AtomicInteger inFlight = new AtomicInteger();

    // ---- measurements ----
    static final Map<String, Route> routes = new ConcurrentHashMap<>();
    static final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    static final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    static final AtomicLong requests = new AtomicLong();
    static final AtomicLong windowMaxMicros = new AtomicLong();
    static final LongAdder errorCount = new LongAdder();
    static final LongAdder refusalCount = new LongAdder();
    static final List<long[]> samples = new ArrayList<>(); // {elapsedMs, rssKb, heapUsed, heapAfterGc, threads}
    static long liveEarly = -1;   // heap after a full GC at the end of the warm-up, bytes
    static long liveLate = -1;    // heap after a full GC once the soak is over, bytes
    static long warmUpMs;

    /** Every latency of one route, in microseconds (tens of thousands: a plain array is enough). */
    static final class Route {
        private long[] micros = new long[1024];
        private int n;

        synchronized void add(long us) {
            if (n == micros.length) {
                micros = Arrays.copyOf(micros, n * 2);
            }
            micros[n++] = us;
        }

        synchronized long[] sorted() {
            long[] copy = Arrays.copyOf(micros, n);
            Arrays.sort(copy);
            return copy;
        }
    }

    /** Client-side token bucket for logins: all players share one IP, the server allows 600/min. */
    static final class LoginPacer {
        private final double capacity;
        private final double perSecond;
        private double tokens;
        private long last = System.nanoTime();

        LoginPacer(double capacity, double perSecond) {
            this.capacity = capacity;
            this.perSecond = perSecond;
            this.tokens = capacity;
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
        }

        synchronized boolean tryAcquire() {
            refill();
            if (tokens >= 1) {
                tokens -= 1;
                return true;
            }
            return false;
        }

        void acquire() throws InterruptedException {
            while (!tryAcquire()) {
                Thread.sleep(50);
            }
        }
    }

    // 400/min sustained with a burst of 400: always under the server's 600/min bucket.
    static final LoginPacer logins = new LoginPacer(400, 400 / 60.0);

    static final class Player {
        final int index;
        final String name;
        volatile String token;
        volatile String accountNumber;
        ScheduledFuture<?> next;
        boolean busy;
        boolean burstPending;
        int lastLoginMinute = -1;
        int loginsThisMinute;

        Player(int index, String name) {
            this.index = index;
            this.name = name;
        }
    }

    static Player[] all;
    static long startNanos;

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = args[++i];
                case "--admin" -> admin = args[++i];
                case "--pid" -> pid = Long.parseLong(args[++i]);
                case "--gm-password" -> gmPassword = args[++i];
                case "--players" -> players = Integer.parseInt(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--think" -> thinkMeanSeconds = Double.parseDouble(args[++i]);
                case "--gc-log" -> gcLog = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (gmPassword == null) {
            throw new IllegalArgumentException("--gm-password is required");
        }
        if (players > 500) {
            System.out.println("warning: the server allows 500 registrations per IP per 10 minutes; expect 429s");
        }
        ExecutorService httpPool = Executors.newFixedThreadPool(16, daemon("http"));
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(httpPool)
                .build();
        scheduler = Executors.newScheduledThreadPool(4, daemon("sched"));

        setUp();
        soak();
        int code = summary();
        System.exit(code);
    }

    static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ------------------------------------------------------------------ set-up (not measured)

    static void setUp() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        all = new Player[players];
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (int i = 0; i < players; i++) {
            Player p = new Player(i, "soak-" + run + "-" + i);
            all[i] = p;
            done.add(pool.submit(() -> {
                JsonNode reg = syncPost("/api/v1/auth/register",
                        "{\"character_name\":\"" + p.name + "\",\"password\":\"" + PASSWORD + "\",\"faction\":\"Soak\"}",
                        null, 201);
                p.accountNumber = reg.path("user").path("account_number").asText();
                logins.acquire();
                JsonNode login = syncPost("/api/v1/auth/login", loginBody(p.name, PASSWORD), null, 200);
                p.token = login.path("access_token").asText();
                return null;
            }));
        }
        for (var f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf("set-up: %d players registered and logged in in %.1f s%n", players,
                (System.nanoTime() - t0) / 1e9);
    }

    static String loginBody(String name, String password) {
        return "{\"character_name\":\"" + name + "\",\"password\":\"" + password + "\"}";
    }

    static JsonNode syncPost(String path, String body, String token, int expect) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expect) {
            throw new IllegalStateException("set-up " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    static JsonNode syncGet(String url, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }

    // ------------------------------------------------------------------ the soak

    static void soak() throws Exception {
        long durationMs = (long) (minutes * 60_000);
        long burstEveryMs = Math.min(120_000, durationMs / 2);
        startNanos = System.nanoTime();
        System.out.printf("soak: %d players for %.1f min, think time exponential mean %.1f s, a burst every %d s%n",
                players, minutes, thinkMeanSeconds, burstEveryMs / 1000);
        System.out.println("  elapsed  requests   req/s  errors  refusals  slowest_ms  in_flight  rss_mb  heap_mb  heap_after_gc_mb  threads");
        for (Player p : all) {
            // Spread the first actions over one think time so the start is not a burst.
            schedule(p, (long) (ThreadLocalRandom.current().nextDouble() * thinkMeanSeconds * 1000));
        }
        for (long t = burstEveryMs; t < durationMs - 5_000; t += burstEveryMs) {
            scheduler.schedule(Soak::burst, t, TimeUnit.MILLISECONDS);
        }
        long lastRequests = 0;
        long lastPrint = System.nanoTime();
        long nextSample = 0;
        long nextPrint = 10_000;
        long[] windowMem = null;
        warmUpMs = Math.min(60_000, durationMs / 4);
        boolean warmGcDone = false;
        while (true) {
            long elapsed = elapsedMs();
            if (elapsed >= nextSample) {
                windowMem = sampleMemory(elapsed);
                nextSample += 2_000;
            }
            if (!warmGcDone && elapsed >= warmUpMs) {
                warmGcDone = true;
                liveEarly = fullGc("end of warm-up");
            }
            if (elapsed >= nextPrint) {
                long now = System.nanoTime();
                long req = requests.get();
                double rate = (req - lastRequests) / ((now - lastPrint) / 1e9);
                lastRequests = req;
                lastPrint = now;
                System.out.printf("  %6.0fs  %8d  %6.1f  %6d  %8d  %10.0f  %9d  %6.1f  %7.1f  %16s  %7d%n",
                        elapsed / 1000.0, req, rate, errorCount.sum(), refusalCount.sum(),
                        windowMaxMicros.getAndSet(0) / 1000.0, inFlight.get(), windowMem[1] / 1024.0,
                        windowMem[2] / 1048576.0, windowMem[3] < 0 ? "n/a" : String.format("%.1f", windowMem[3] / 1048576.0),
                        windowMem[4]);
                nextPrint += 10_000;
            }
            if (elapsed >= durationMs) {
                break;
            }
            Thread.sleep(200);
        }
        running = false;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        if (inFlight.get() > 0) {
            count(errors, "still in flight 60 s after the end");
            errorCount.add(inFlight.get());
        }
        liveLate = fullGc("end of soak");
    }

    static Map<String, long[]> histogramEarly;
    static Map<String, long[]> histogramLate;

    /**
     * The live heap: a full GC in the service, then the heap after it from the GC log. G1 frees the
     * old generation only after a concurrent cycle, so the heap after young GCs also counts garbage
     * that merely waits in the old generation; only a full GC shows what is still referenced.
     * {@code jcmd PID GC.class_histogram} does the full GC and also counts live objects per class
     * (compared early vs late in the summary); without jcmd, Dropwizard's admin task
     * {@code POST /tasks/gc}. Costs one pause of tens of ms.
     */
    static long fullGc(String when) {
        if (gcLog == null) {
            return -1;
        }
        Map<String, long[]> histogram = null;
        try {
            histogram = classHistogram();
            if (histogram == null) {
                http.send(HttpRequest.newBuilder(URI.create(admin + "/tasks/gc")).timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            }
            if (when.startsWith("end of warm")) {
                histogramEarly = histogram;
            } else {
                histogramLate = histogram;
            }
            String last = null;
            for (String line : Files.readAllLines(gcLog)) {
                if (line.contains("Pause Full")) {
                    last = line;
                }
            }
            Matcher m = last == null ? null : GC_LINE.matcher(last);
            if (m != null && m.find()) {
                long live = Long.parseLong(m.group(2)) * 1048576L;
                System.out.printf("  %6.0fs  full GC (%s): live heap %d MB   [%s]%n", elapsedMs() / 1000.0, when,
                        live / 1048576L, last.trim());
                return live;
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("  full GC failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    static final Pattern HISTO_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** class -> {instances, bytes} of live objects, or null when jcmd is not there. */
    static Map<String, long[]> classHistogram() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            Map<String, long[]> out = new java.util.HashMap<>();
            try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = HISTO_LINE.matcher(line);
                    if (m.find()) {
                        out.put(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
                    }
                }
            }
            return p.waitFor() == 0 && !out.isEmpty() ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The classes whose live bytes grew most between the two full GCs. */
    static void printHistogramGrowth() {
        if (histogramEarly == null || histogramLate == null) {
            return;
        }
        System.out.println("live objects that grew most between the two full GCs (instances, bytes):");
        histogramLate.entrySet().stream()
                .map(e -> {
                    long[] before = histogramEarly.getOrDefault(e.getKey(), new long[] {0, 0});
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - before[0], e.getValue()[1] - before[1]});
                })
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(8)
                .forEach(e -> System.out.printf("  %+9d  %+11d  %s%n", e.getValue()[0], e.getValue()[1], e.getKey()));
    }


    static long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    static void schedule(Player p, long delayMs) {
        synchronized (p) {
            if (!running) {
                return;
            }
            p.next = scheduler.schedule(() -> act(p), delayMs, TimeUnit.MILLISECONDS);
        }
    }

    static long thinkMs() {
        double u = ThreadLocalRandom.current().nextDouble();
        return (long) (-Math.log(1 - u) * thinkMeanSeconds * 1000);
    }

    /** "The GM announces a jackpot": every player acts within the next 5 seconds. */
    static void burst() {
        System.out.printf("  %6.0fs  BURST: every player acts within 5 s%n", elapsedMs() / 1000.0);
        for (Player p : all) {
            synchronized (p) {
                if (p.busy) {
                    p.burstPending = true;
                } else if (p.next != null && p.next.cancel(false)) {
                    p.next = scheduler.schedule(() -> act(p),
                            ThreadLocalRandom.current().nextLong(5_000), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** One action of a player: pick it, send it, and when it answers, think and go again. */
    static void act(Player p) {
        synchronized (p) {
            if (!running) {
                return;
            }
            p.busy = true;
        }
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        int roll = rnd.nextInt(100);
        String route;
        HttpRequest.Builder req;
        String idem = null;
        if (roll < 2 && reloginAllowed(p)) {
            route = "POST /api/v1/auth/login";
            req = post("/api/v1/auth/login", loginBody(p.name, PASSWORD));
        } else if (roll < 25) {
            route = "GET /api/v1/account";
            req = get("/api/v1/account");
        } else if (roll < 40) {
            route = "GET /api/v1/account/transactions";
            req = get("/api/v1/account/transactions?limit=10");
        } else if (roll < 50) {
            route = "GET /api/v1/accounts/{n}";
            req = get("/api/v1/accounts/" + other(p).accountNumber);
        } else if (roll < 65) {
            route = "POST /api/v1/transactions";
            idem = UUID.randomUUID().toString();
            int amount = 1 + rnd.nextInt(20);
            String cents = rnd.nextInt(4) == 0 ? "." + (10 + rnd.nextInt(90)) : "";
            req = post("/api/v1/transactions", "{\"to_account\":\"" + other(p).accountNumber + "\",\"amount\":"
                    + amount + cents + ",\"memo\":\"soak " + p.index + "\"}");
        } else if (roll < 80) {
            route = "POST /api/v1/casino/glitch-grid/spin";
            idem = UUID.randomUUID().toString();
            req = post("/api/v1/casino/glitch-grid/spin", "{\"bet_amount\":10}");
        } else if (roll < 92) {
            route = "POST /api/v1/casino/starlight-smuggler/spin";
            idem = UUID.randomUUID().toString();
            req = post("/api/v1/casino/starlight-smuggler/spin", "{\"bet_amount\":5}");
        } else {
            route = "GET /api/v1/casino/games";
            req = get("/api/v1/casino/games");
        }
        if (!route.equals("POST /api/v1/auth/login")) {
            req.header("Authorization", "Bearer " + p.token);
        }
        if (idem != null) {
            req.header("Idempotency-Key", idem);
        }
        final String r = route;
        long t0 = System.nanoTime();
        inFlight.incrementAndGet();
        http.sendAsync(req.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((resp, failure) -> {
            long us = (System.nanoTime() - t0) / 1000;
            try {
                requests.incrementAndGet();
                windowMaxMicros.accumulateAndGet(us, Math::max);
                routes.computeIfAbsent(r, k -> new Route()).add(us);
                if (failure != null) {
                    error(r, "connection: " + rootCause(failure));
                } else {
                    judge(p, r, resp);
                }
            } catch (RuntimeException e) {
                error(r, "client: " + e);
            } finally {
                inFlight.decrementAndGet();
                boolean soon;
                synchronized (p) {
                    p.busy = false;
                    soon = p.burstPending;
                    p.burstPending = false;
                }
                schedule(p, soon ? ThreadLocalRandom.current().nextLong(2_000) : thinkMs());
            }
        });
    }

    /** At most 2 logins per player per minute (the server allows 10 per name) and the shared IP budget. */
    static boolean reloginAllowed(Player p) {
        int minute = (int) (elapsedMs() / 60_000);
        if (minute != p.lastLoginMinute) {
            p.lastLoginMinute = minute;
            p.loginsThisMinute = 0;
        }
        if (p.loginsThisMinute >= 2 || !logins.tryAcquire()) {
            return false;
        }
        p.loginsThisMinute++;
        return true;
    }

    static Player other(Player p) {
        int i = ThreadLocalRandom.current().nextInt(all.length - 1);
        return all[i >= p.index ? i + 1 : i];
    }

    static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    }

    static HttpRequest.Builder post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Success, a refusal that is part of the game, or an error. */
    static void judge(Player p, String route, HttpResponse<String> resp) {
        int status = resp.statusCode();
        JsonNode body;
        try {
            body = JSON.readTree(resp.body());
        } catch (IOException e) {
            error(route, status + " unparseable JSON: " + abbreviate(resp.body()));
            return;
        }
        String message = body == null ? "" : body.path("error").asText("");
        if (status == 400 && message.equals("Insufficient funds")) {
            refusal(route, "400 " + message);
            return;
        }
        if (status == 503 && message.startsWith("The house cannot cover")) {
            refusal(route, "503 The house cannot cover ...");
            return;
        }
        boolean ok = switch (route) {
            case "POST /api/v1/auth/login" -> status == 200 && body.hasNonNull("access_token");
            case "GET /api/v1/account" -> status == 200 && body.path("account").hasNonNull("balance");
            case "GET /api/v1/account/transactions" -> status == 200 && body.path("transactions").isArray();
            case "GET /api/v1/accounts/{n}" -> status == 200 && body.hasNonNull("account_number");
            case "POST /api/v1/transactions" -> status == 201 && body.hasNonNull("transaction");
            case "GET /api/v1/casino/games" -> status == 200 && body.path("games").isArray();
            default -> (status == 200 || status == 201) && body.hasNonNull("spin_id");
        };
        if (!ok) {
            error(route, status + " " + (message.isEmpty() ? abbreviate(resp.body()) : message));
            return;
        }
        if (route.equals("POST /api/v1/auth/login")) {
            p.token = body.get("access_token").asText();
        }
    }

    static void error(String route, String what) {
        errorCount.increment();
        String key = route + " -> " + what;
        if (count(errors, key) <= 3) {
            System.out.printf("  %6.0fs  ERROR %s%n", elapsedMs() / 1000.0, key);
        }
    }

    static void refusal(String route, String what) {
        refusalCount.increment();
        count(refusals, route + " -> " + what);
    }

    static long count(Map<String, LongAdder> map, String key) {
        LongAdder a = map.computeIfAbsent(key, k -> new LongAdder());
        a.increment();
        return a.sum();
    }

    static String rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    static String abbreviate(String s) {
        s = s == null ? "" : s.replaceAll("\\s+", " ");
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    // ------------------------------------------------------------------ memory

    static final Pattern GC_LINE = Pattern.compile("Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    /** {elapsedMs, rssKb, heapUsedBytes, heapAfterLastGcBytes (-1 unknown), jvmThreads}. */
    static long[] sampleMemory(long elapsed) {
        long rss = -1;
        long heap = -1;
        long afterGc = -1;
        long threads = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no such process: reported as -1
        }
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(admin + "/metrics"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode g = JSON.readTree(r.body()).path("gauges");
            heap = g.path("jvm.memory.heap.used").path("value").asLong(-1);
            threads = g.path("jvm.threads.count").path("value").asLong(-1);
        } catch (IOException | RuntimeException e) {
            // reported as -1
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (gcLog != null) {
            try {
                String last = null;
                for (String line : Files.readAllLines(gcLog)) {
                    if (line.contains("Pause")) {
                        last = line;
                    }
                }
                if (last != null) {
                    Matcher m = GC_LINE.matcher(last);
                    if (m.find()) {
                        afterGc = Long.parseLong(m.group(2)) * 1048576L;
                    }
                }
            } catch (IOException | RuntimeException e) {
                // reported as n/a
            }
        }
        long[] s = {elapsed, rss, heap, afterGc, threads};
        synchronized (samples) {
            samples.add(s);
        }
        return s;
    }

    /** Mean of column {@code col} over samples with from <= elapsed < to (ms). */
    static double mean(int col, long from, long to) {
        double sum = 0;
        int n = 0;
        synchronized (samples) {
            for (long[] s : samples) {
                if (s[0] >= from && s[0] < to && s[col] >= 0) {
                    sum += s[col];
                    n++;
                }
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    // ------------------------------------------------------------------ summary

    static int summary() throws Exception {
        long end = elapsedMs();
        System.out.println();
        System.out.printf("SUMMARY: %d players, %.1f min, %d requests (%.1f req/s)%n", players, minutes,
                requests.get(), requests.get() / (end / 1000.0));
        System.out.println("route                                          count    p50_ms    p99_ms    max_ms");
        for (var e : new TreeMap<>(routes).entrySet()) {
            long[] s = e.getValue().sorted();
            System.out.printf("%-44s %8d %9.1f %9.1f %9.1f%n", e.getKey(), s.length, pct(s, 50) / 1000.0,
                    pct(s, 99) / 1000.0, s.length == 0 ? 0 : s[s.length - 1] / 1000.0);
        }
        long[] allLat = routes.values().stream().flatMapToLong(r -> Arrays.stream(r.sorted())).sorted().toArray();
        System.out.printf("%-44s %8d %9.1f %9.1f %9.1f%n", "all routes", allLat.length, pct(allLat, 50) / 1000.0,
                pct(allLat, 99) / 1000.0, allLat.length == 0 ? 0 : allLat[allLat.length - 1] / 1000.0);

        System.out.println("errors: " + errorCount.sum());
        new TreeMap<>(errors).forEach((k, v) -> System.out.printf("  %6d  %s%n", v.sum(), k));
        System.out.println("game refusals (not errors): " + refusalCount.sum());
        new TreeMap<>(refusals).forEach((k, v) -> System.out.printf("  %6d  %s%n", v.sum(), k));

        // Memory: after the first minute (JIT, caches and pools warm up), compare the second minute
        // with the last one. Flat = the mean grows by less than 10 %.
        boolean flat = true;
        long firstMinuteEnd = Math.min(60_000, end / 4);
        long windowLen = Math.min(60_000, end / 4);
        long[] rssRange = {Long.MAX_VALUE, Long.MIN_VALUE};
        synchronized (samples) {
            for (long[] s : samples) {
                if (s[0] >= firstMinuteEnd && s[1] > 0) {
                    rssRange[0] = Math.min(rssRange[0], s[1]);
                    rssRange[1] = Math.max(rssRange[1], s[1]);
                }
            }
        }
        double rssEarly = mean(1, firstMinuteEnd, firstMinuteEnd + windowLen);
        double rssLate = mean(1, end - windowLen, end + 1);
        double rssGrowth = (rssLate / rssEarly - 1) * 100;
        System.out.printf("memory: RSS after the first %.0f s: min %.1f MB, max %.1f MB; mean %.1f MB in [%.0f s, %.0f s)"
                        + " vs %.1f MB in the last %.0f s: %+.1f %%%n",
                firstMinuteEnd / 1000.0, rssRange[0] / 1024.0, rssRange[1] / 1024.0, rssEarly / 1024.0,
                firstMinuteEnd / 1000.0, (firstMinuteEnd + windowLen) / 1000.0, rssLate / 1024.0,
                windowLen / 1000.0, rssGrowth);
        flat &= !(rssGrowth >= 10);
        double gcEarly = mean(3, firstMinuteEnd, firstMinuteEnd + windowLen);
        double gcLate = mean(3, end - windowLen, end + 1);
        System.out.printf("memory: heap after young GCs mean %.1f MB early vs %.1f MB late (includes old-generation"
                + " garbage G1 has not collected yet)%n", gcEarly / 1048576.0, gcLate / 1048576.0);
        if (liveEarly > 0 && liveLate > 0) {
            double liveGrowth = (liveLate / (double) liveEarly - 1) * 100;
            boolean liveFlat = liveGrowth < 10;
            System.out.printf("memory: live heap (after a full GC) %d MB after the warm-up vs %d MB at the end: %+.1f %% (%s)%n",
                    liveEarly / 1048576L, liveLate / 1048576L, liveGrowth, liveFlat ? "flat" : "GROWING");
            flat &= liveFlat;
        } else {
            System.out.println("memory: live heap unknown (no GC log)");
        }
        double heapEarly = mean(2, firstMinuteEnd, firstMinuteEnd + windowLen);
        double heapLate = mean(2, end - windowLen, end + 1);
        System.out.printf("memory: heap used (sampled, sawtooth) mean %.1f MB early vs %.1f MB late%n",
                heapEarly / 1048576.0, heapLate / 1048576.0);
        StringBuilder rssSeries = new StringBuilder();
        StringBuilder gcSeries = new StringBuilder();
        for (long m = 0; m * 60_000 < end; m++) {
            double r = mean(1, m * 60_000, (m + 1) * 60_000);
            double g = mean(3, m * 60_000, (m + 1) * 60_000);
            rssSeries.append(String.format(" %.0f", r / 1024.0));
            gcSeries.append(Double.isNaN(g) ? " n/a" : String.format(" %.1f", g / 1048576.0));
        }
        System.out.println("memory per minute, RSS MB:" + rssSeries);
        System.out.println("memory per minute, heap after GC MB:" + gcSeries);
        printHistogramGrowth();
        System.out.println("memory verdict: " + (flat ? "FLAT" : "NOT FLAT"));

        String gmToken;
        logins.acquire();
        JsonNode gm = syncPost("/api/v1/auth/login", loginBody("admin", gmPassword), null, 200);
        gmToken = gm.path("access_token").asText();
        JsonNode verify = syncGet(base + "/api/admin/ledger/verify", gmToken);
        boolean ledgerOk = verify.path("ok").asBoolean(false);
        System.out.println("ledger verify: " + verify);

        int code = 0;
        if (errorCount.sum() > 0 || !ledgerOk) {
            code = 1;
        } else if (!flat) {
            code = 3;
        }
        System.out.println("RESULT: " + (code == 0 ? "PASS" : "FAIL") + " (errors " + errorCount.sum() + ", ledger "
                + (ledgerOk ? "ok" : "NOT OK") + ", memory " + (flat ? "flat" : "not flat") + ") at " + Instant.now());
        return code;
    }

    static long pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
