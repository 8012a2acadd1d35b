package city.neotropolis.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The players' loops: each acts, waits for the answer, thinks (exponential, mean {@code thinkSeconds}),
 * acts again. Every ~2 minutes a burst makes every idle player act within 5 s. A status line every 10 s.
 */
final class Soak {
    private final BankClient client;
    private final MemoryWatch memory;
    private final Outcomes outcomes;
    private final int playerCount;
    private final double minutes;
    private final double thinkSeconds;
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4, BankClient.daemon("sched"));
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;
    private SimPlayer[] players;
    private long startNanos;

    Soak(BankClient client, MemoryWatch memory, Outcomes outcomes, int players, double minutes, double thinkSeconds) {
        this.client = client;
        this.memory = memory;
        this.outcomes = outcomes;
        this.playerCount = players;
        this.minutes = minutes;
        this.thinkSeconds = thinkSeconds;
        outcomes.clock(this::elapsedMs);
    }

    /** Registers and logs in every player, 8 at a time (bcrypt): not measured. */
    void setUp() throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        players = new SimPlayer[playerCount];
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < playerCount; i++) {
            SimPlayer p = new SimPlayer(i, "soak-" + run + "-" + i);
            players[i] = p;
            done.add(pool.submit(() -> {
                JsonNode reg = client.post(
                        "/api/v1/auth/register",
                        "{\"character_name\":\"" + p.name + "\",\"password\":\"" + SimPlayer.PASSWORD
                                + "\",\"faction\":\"Soak\"}",
                        null,
                        201);
                p.accountNumber = reg.path("user").path("account_number").asText();
                client.awaitLogin();
                p.token = client.post("/api/v1/auth/login", BankClient.loginBody(p.name, SimPlayer.PASSWORD), null, 200)
                        .path("access_token")
                        .asText();
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(
                "set-up: %d players registered and logged in in %.1f s%n", playerCount, (System.nanoTime() - t0) / 1e9);
    }

    void run() throws InterruptedException {
        long durationMs = (long) (minutes * 60_000);
        long burstEveryMs = Math.min(120_000, durationMs / 2);
        startNanos = System.nanoTime();
        System.out.printf(
                "soak: %d players for %.1f min, think time exponential mean %.1f s, a burst every %d s%n",
                playerCount, minutes, thinkSeconds, burstEveryMs / 1000);
        System.out.println("  elapsed  requests   req/s  errors  refusals  slowest_ms  in_flight  rss_mb  heap_mb"
                + "  heap_after_gc_mb  threads");
        for (SimPlayer p : players) {
            // Spread the first actions over one think time so the start is not a burst.
            schedule(p, (long) (ThreadLocalRandom.current().nextDouble() * thinkSeconds * 1000));
        }
        for (long t = burstEveryMs; t < durationMs - 5_000; t += burstEveryMs) {
            scheduler.schedule(this::burst, t, TimeUnit.MILLISECONDS);
        }
        long warmUpMs = Math.min(60_000, durationMs / 4);
        long lastRequests = 0;
        long lastPrint = System.nanoTime();
        long nextSample = 0;
        long nextPrint = 10_000;
        MemoryWatch.Sample mem = null;
        boolean warmGcDone = false;
        for (long elapsed = elapsedMs(); elapsed < durationMs; elapsed = elapsedMs()) {
            if (elapsed >= nextSample) {
                mem = memory.sample(elapsed);
                nextSample += 2_000;
            }
            if (!warmGcDone && elapsed >= warmUpMs) {
                warmGcDone = true;
                memory.liveEarly = memory.fullGc(true, elapsed);
            }
            if (elapsed >= nextPrint) {
                long now = System.nanoTime();
                long req = outcomes.requests();
                double rate = (req - lastRequests) / ((now - lastPrint) / 1e9);
                lastRequests = req;
                lastPrint = now;
                System.out.printf(
                        "  %6.0fs  %8d  %6.1f  %6d  %8d  %10.0f  %9d  %6.1f  %7.1f  %16s  %7d%n",
                        elapsed / 1000.0,
                        req,
                        rate,
                        outcomes.errorCount(),
                        outcomes.refusalCount(),
                        outcomes.takeWindowMaxMicros() / 1000.0,
                        inFlight.get(),
                        mem.rssKb() / 1024.0,
                        mem.heapUsed() / 1048576.0,
                        mem.heapAfterGc() < 0 ? "n/a" : String.format("%.1f", mem.heapAfterGc() / 1048576.0),
                        mem.threads());
                nextPrint += 10_000;
            }
            Thread.sleep(200);
        }
        running = false;
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (inFlight.get() > 0 && System.nanoTime() < waitUntil) {
            Thread.sleep(100);
        }
        for (int i = inFlight.get(); i > 0; i--) {
            outcomes.error("(any)", "still in flight 60 s after the end");
        }
        memory.liveLate = memory.fullGc(false, elapsedMs());
    }

    long elapsedMs() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private void schedule(SimPlayer p, long delayMs) {
        synchronized (p) {
            if (running) {
                p.next = scheduler.schedule(() -> act(p), delayMs, TimeUnit.MILLISECONDS);
            }
        }
    }

    private long thinkMs() {
        double u = ThreadLocalRandom.current().nextDouble();
        return (long) (-Math.log(1 - u) * thinkSeconds * 1000);
    }

    /** "The GM announces a jackpot": every player acts within the next 5 seconds. */
    private void burst() {
        System.out.printf("  %6.0fs  BURST: every player acts within 5 s%n", elapsedMs() / 1000.0);
        for (SimPlayer p : players) {
            synchronized (p) {
                if (p.busy) {
                    p.burstPending = true;
                } else if (p.next != null && p.next.cancel(false)) {
                    p.next = scheduler.schedule(
                            () -> act(p), ThreadLocalRandom.current().nextLong(5_000), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    /** One action of a player: pick it, send it, and when it answers, think and go again. */
    private void act(SimPlayer p) {
        synchronized (p) {
            if (!running) {
                return;
            }
            p.busy = true;
        }
        Action action = Action.pick(p, other(p), elapsedMs(), client);
        long t0 = System.nanoTime();
        inFlight.incrementAndGet();
        client.send(action.request()).whenComplete((resp, failure) -> {
            try {
                outcomes.answered(action.route(), (System.nanoTime() - t0) / 1000);
                if (failure != null) {
                    outcomes.error(action.route(), "connection: " + rootCause(failure));
                } else {
                    judge(p, action, resp);
                }
            } catch (RuntimeException e) {
                outcomes.error(action.route(), "client: " + e);
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

    /** Success, a refusal that is part of the game, or an error. */
    private void judge(SimPlayer p, Action action, HttpResponse<String> resp) {
        int status = resp.statusCode();
        JsonNode body;
        try {
            body = BankClient.JSON.readTree(resp.body());
        } catch (IOException e) {
            outcomes.error(action.route(), status + " unparseable JSON: " + abbreviate(resp.body()));
            return;
        }
        String message = body == null ? "" : body.path("error").asText("");
        String refusal = Action.refusal(status, message);
        if (refusal != null) {
            outcomes.refusal(action.route(), refusal);
        } else if (body == null || !action.succeeded(status, body)) {
            outcomes.error(action.route(), status + " " + (message.isEmpty() ? abbreviate(resp.body()) : message));
        } else if (action.route().equals(Action.LOGIN)) {
            p.token = body.get("access_token").asText();
        }
    }

    private SimPlayer other(SimPlayer p) {
        int i = ThreadLocalRandom.current().nextInt(players.length - 1);
        return players[i >= p.index ? i + 1 : i];
    }

    private static String rootCause(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) + "..." : flat;
    }
}
