package city.neotropolis.neobank.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * What the client meant to do, written down BEFORE each request is sent: after a crash this is
 * the only record of which operations may have happened, and each one is retried with its key
 * until the service gives a definite answer.
 */
final class IntentLog {

    /** unknown: no definite answer yet; acked: done; refused: a definite 4xx, nothing moved; anomaly: a violation. */
    enum State {
        UNKNOWN,
        ACKED,
        REFUSED,
        ANOMALY
    }

    /** One operation with its key; mutated only by the worker that owns it. */
    static final class Intent {
        final long id;
        final String key;
        final Operation op;
        volatile State state = State.UNKNOWN;
        volatile Operation.Ack ack;
        volatile int lastStatus;
        volatile String detail;
        int attempts;
        boolean sawUnknown;
        /** Acknowledged by a replay: an earlier attempt had committed, and its reply was lost to a kill. */
        boolean replayed;

        Intent(long id, String key, Operation op) {
            this.id = id;
            this.key = key;
            this.op = op;
        }

        @Override
        public String toString() {
            return "op " + id + " " + op + " key=" + key + " state=" + state + " attempts=" + attempts + " last="
                    + lastStatus + (detail == null ? "" : " " + detail);
        }
    }

    private final String runId;
    private final ConcurrentLinkedQueue<Intent> intents = new ConcurrentLinkedQueue<>();

    IntentLog(String runId) {
        this.runId = runId;
    }

    /** Records the intent with a fresh key; call before the first send. */
    Intent write(long id, Operation op) {
        Intent i = new Intent(id, "crash-" + runId + "-" + id, op);
        intents.add(i);
        return i;
    }

    List<Intent> all() {
        return new ArrayList<>(intents);
    }

    long count(State s) {
        return intents.stream().filter(i -> i.state == s).count();
    }
}
