package city.neotropolis.neobank.proof;

import city.neotropolis.neobank.proof.IntentLog.Intent;
import city.neotropolis.neobank.proof.IntentLog.State;
import city.neotropolis.neobank.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongFunction;

/**
 * Worker threads send operations, each under its own Idempotency-Key written down first; a killer
 * thread SIGKILLs the service at random points and starts it again on the same data. An operation
 * whose outcome is unknown (no reply, 5xx, 409 in flight) is retried with the same key and the same
 * body until the answer is definite.
 */
final class CrashClient {
    /** Longer than any restart: an operation still unknown after this is reported, never dropped. */
    private static final Duration RESOLVE_WITHIN = Duration.ofMinutes(3);

    private final Api api;
    private final BankProcess bank;
    private final IntentLog log;
    private final AtomicReferenceArray<Api.Session> players;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicInteger kills = new AtomicInteger();
    private volatile RuntimeException fatal;

    CrashClient(Api api, BankProcess bank, IntentLog log, List<Api.Session> players) {
        this.api = api;
        this.bank = bank;
        this.log = log;
        this.players = new AtomicReferenceArray<>(players.toArray(Api.Session[]::new));
    }

    /** Runs {@code ops} operations made by {@code factory} on {@code threads} workers while killing {@code kills} times. */
    void run(long ops, int threads, int killCount, long seed, LongFunction<Operation> factory)
            throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(
                    () -> {
                        for (long id = next.getAndIncrement(); id < ops && fatal == null; id = next.getAndIncrement()) {
                            drive(log.write(id, factory.apply(id)));
                        }
                    },
                    "crash-worker-" + t);
            workers.add(w);
            w.start();
        }
        Thread killer = new Thread(() -> killAlong(ops, killCount, new Random(seed)), "crash-killer");
        killer.start();
        for (Thread w : workers) {
            w.join();
        }
        killer.join();
        if (fatal != null) {
            throw fatal;
        }
    }

    long retries() {
        return retries.get();
    }

    int kills() {
        return kills.get();
    }

    Api.Session player(int index) {
        return players.get(index);
    }

    private void killAlong(long ops, int killCount, Random random) {
        try {
            long slice = ops / (killCount + 1);
            for (int k = 1; k <= killCount; k++) {
                long at = k * slice + (slice > 4 ? random.nextLong(slice / 2) - slice / 4 : 0);
                // at < ops, so the workers always get there: every configured kill lands mid-traffic.
                while (next.get() < at) {
                    BankProcess.pause(2);
                }
                bank.kill();
                kills.incrementAndGet();
                bank.start();
            }
        } catch (RuntimeException e) {
            fatal = e;
        }
    }

    private void drive(Intent in) {
        long deadline = System.nanoTime() + RESOLVE_WITHIN.toNanos();
        Operation op = in.op;
        while (fatal == null) {
            if (in.attempts++ > 0) {
                retries.incrementAndGet();
            }
            Api.Res r;
            try {
                r = op.send(api, players.get(op.actor()).token(), in.key);
            } catch (RuntimeException noReply) {
                r = null;
            }
            int status = r == null ? 0 : r.status();
            in.lastStatus = status;
            if (r != null && op.isAck(status)) {
                try {
                    in.ack = op.acknowledged(r.json());
                    in.replayed = "true".equals(r.header("Idempotent-Replayed"));
                    in.state = State.ACKED;
                } catch (RuntimeException e) {
                    in.detail = "unreadable acknowledgement: " + e.getMessage() + " in " + r.body();
                    in.state = State.ANOMALY;
                }
                return;
            }
            if (status == 422) {
                in.detail = "same key, same body, refused as a different request: " + r.body();
                in.state = State.ANOMALY;
                return;
            }
            if (status >= 400 && status < 500 && status != 401 && status != 409 && status != 429) {
                in.detail = r.body();
                in.state = State.REFUSED;
                return;
            }
            in.sawUnknown = true;
            if (System.nanoTime() > deadline) {
                in.detail = "still unknown after " + RESOLVE_WITHIN;
                return;
            }
            if (status == 401) {
                relogin(op.actor());
            }
            // Back off while the service is down or busy; a 409 clears as soon as the first try ends.
            BankProcess.pause(status == 409 ? 10 : Math.min(250, 10L * in.attempts));
        }
    }

    private void relogin(int index) {
        try {
            players.set(index, api.login(players.get(index).name(), CrashRun.PASSWORD));
        } catch (RuntimeException stillDown) {
            // the next attempt tries again
        }
    }
}
