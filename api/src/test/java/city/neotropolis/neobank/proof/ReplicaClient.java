package city.neotropolis.neobank.proof;

import city.neotropolis.neobank.proof.IntentLog.Intent;
import city.neotropolis.neobank.proof.IntentLog.State;
import city.neotropolis.neobank.support.Api;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongFunction;

/**
 * Drives operations through two replicas of the service at once. Each operation goes first to one
 * replica; a quarter are then sent again with the same Idempotency-Key to the OTHER replica (a
 * client retrying after a lost answer, through a load balancer), a quarter go to BOTH replicas at
 * the same moment (a double tap split by the balancer), and an unknown outcome is always retried on
 * the other replica. The same key must give the same answer wherever it lands.
 */
final class ReplicaClient {
    private static final Duration RESOLVE_WITHIN = Duration.ofMinutes(1);

    private final List<Api> replicas;
    private final IntentLog log;
    private final AtomicReferenceArray<Api.Session> players;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong crossReplays = new AtomicLong();
    private final AtomicLong doubleSends = new AtomicLong();
    private final AtomicLong splitAnswers = new AtomicLong();
    private final ExecutorService second = Executors.newCachedThreadPool();

    ReplicaClient(List<Api> replicas, IntentLog log, List<Api.Session> players) {
        this.replicas = replicas;
        this.log = log;
        this.players = new AtomicReferenceArray<>(players.toArray(Api.Session[]::new));
    }

    void run(long ops, int threads, LongFunction<Operation> factory) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread w = new Thread(
                    () -> {
                        for (long id = next.getAndIncrement(); id < ops; id = next.getAndIncrement()) {
                            drive(id, log.write(id, factory.apply(id)));
                        }
                    },
                    "replica-worker-" + t);
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        second.shutdown();
    }

    Api.Session player(int index) {
        return players.get(index);
    }

    long retries() {
        return retries.get();
    }

    /** Retries sent to the other replica that were answered as replays of the first answer. */
    long crossReplays() {
        return crossReplays.get();
    }

    long doubleSends() {
        return doubleSends.get();
    }

    /** Double sends where one attempt was refused and the other acknowledged (see {@link #drive}). */
    long splitAnswers() {
        return splitAnswers.get();
    }

    /** A definite answer from one replica, or null when none came within the deadline. */
    private record Answer(int replica, Api.Res res) {}

    private void drive(long id, Intent in) {
        int first = (int) (id % 2);
        int other = 1 - first;
        switch ((int) (id % 4)) {
            case 1 -> {
                Answer a = resolve(in, first);
                if (settle(in, a) && in.state == State.ACKED) {
                    Answer again = resolve(in, other);
                    compare(in, a, again, true);
                }
            }
            case 2 -> {
                doubleSends.incrementAndGet();
                CompletableFuture<Answer> there = CompletableFuture.supplyAsync(() -> resolve(in, other), second);
                Answer here = resolve(in, first);
                Answer a2 = there.join();
                boolean firstAcked = here != null && in.op.isAck(here.res().status());
                Answer winner = firstAcked || a2 == null ? here : a2;
                if (settle(in, winner) && in.state == State.ACKED) {
                    Answer loser = winner == here ? a2 : here;
                    if (loser != null && !in.op.isAck(loser.res().status())) {
                        // One attempt refused, the other acknowledged. Refusals are not stored (a
                        // retry may succeed once funds arrive, on one replica as on two), so this is
                        // "refused, then done" as long as the refusal came first; the service replays
                        // the stored answer to an attempt refused after the other had committed. From
                        // now on the key must answer the acknowledgement everywhere.
                        splitAnswers.incrementAndGet();
                        loser = resolve(in, loser.replica());
                    }
                    compare(in, winner, loser, false);
                }
            }
            default -> settle(in, resolve(in, first));
        }
    }

    /** Sends the operation to {@code replica} until the answer is definite, switching replica on every unknown. */
    private Answer resolve(Intent in, int replica) {
        long deadline = System.nanoTime() + RESOLVE_WITHIN.toNanos();
        Operation op = in.op;
        int attempt = 0;
        while (System.nanoTime() < deadline) {
            if (attempt++ > 0) {
                retries.incrementAndGet();
            }
            Api api = replicas.get(replica);
            Api.Res r;
            try {
                r = op.send(api, players.get(op.actor()).token(), in.key);
            } catch (RuntimeException noReply) {
                r = null;
            }
            int status = r == null ? 0 : r.status();
            if (r != null
                    && (op.isAck(status)
                            || (status >= 400 && status < 500 && status != 401 && status != 409 && status != 429))) {
                return new Answer(replica, r);
            }
            synchronized (in) {
                in.sawUnknown = true;
                in.lastStatus = status;
            }
            replica = 1 - replica;
            BankProcess.pause(status == 409 ? 5 : 20);
        }
        return null;
    }

    /** Records a definite answer on the intent; false when there was none. */
    private boolean settle(Intent in, Answer a) {
        if (a == null) {
            in.detail = "still unknown after " + RESOLVE_WITHIN;
            return false;
        }
        Api.Res r = a.res();
        in.lastStatus = r.status();
        if (in.op.isAck(r.status())) {
            try {
                in.ack = in.op.acknowledged(r.json());
                in.replayed = "true".equals(r.header("Idempotent-Replayed"));
                in.state = State.ACKED;
            } catch (RuntimeException e) {
                in.detail = "unreadable acknowledgement: " + e.getMessage() + " in " + r.body();
                in.state = State.ANOMALY;
            }
        } else {
            in.detail =
                    r.status() == 422 ? "same key, same body, refused as a different request: " + r.body() : r.body();
            in.state = r.status() == 422 ? State.ANOMALY : State.REFUSED;
        }
        return true;
    }

    /** The second answer for the same key must be the first one again, replayed. */
    private void compare(Intent in, Answer first, Answer second, boolean mustBeReplay) {
        if (second == null || !in.op.isAck(second.res().status())) {
            in.state = State.ANOMALY;
            in.detail = "acknowledged by replica " + first.replica() + " but replica "
                    + (second == null
                            ? "?"
                            : second.replica() + " answered " + second.res().status() + " "
                                    + second.res().body());
            return;
        }
        Operation.Ack again;
        try {
            again = in.op.acknowledged(second.res().json());
        } catch (RuntimeException e) {
            in.state = State.ANOMALY;
            in.detail = "unreadable second acknowledgement: " + second.res().body();
            return;
        }
        boolean replayed = "true".equals(second.res().header("Idempotent-Replayed")) || in.replayed;
        if (!again.equals(in.ack) || !replayed) {
            in.state = State.ANOMALY;
            in.detail = "the same key was acknowledged twice differently: " + in.ack + " then " + again + " (replayed="
                    + replayed + ")";
        } else if (mustBeReplay && second.replica() != first.replica()) {
            crossReplays.incrementAndGet();
        }
    }
}
