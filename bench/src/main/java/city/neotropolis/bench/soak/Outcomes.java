package city.neotropolis.bench.soak;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** What the players saw: latencies per route (HdrHistogram, microseconds), errors and game refusals by kind. */
final class Outcomes {
    /** Two minutes in microseconds: far above the client's 30 s timeout. */
    private static final long HIGHEST_MICROS = 120_000_000L;

    private final Map<String, Histogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusals = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong windowMaxMicros = new AtomicLong();
    private final LongAdder errorCount = new LongAdder();
    private final LongAdder refusalCount = new LongAdder();
    private LongSupplier elapsedMs = () -> 0;

    /** The soak's clock, for the time stamp of the first errors of each kind as they happen. */
    void clock(LongSupplier elapsedMs) {
        this.elapsedMs = elapsedMs;
    }

    void answered(String route, long micros) {
        requests.incrementAndGet();
        windowMaxMicros.accumulateAndGet(micros, Math::max);
        latencies
                .computeIfAbsent(route, k -> new ConcurrentHistogram(HIGHEST_MICROS, 3))
                .recordValue(Math.min(micros, HIGHEST_MICROS));
    }

    /** Counts an error; the first 3 of each kind are printed as they happen. */
    void error(String route, String what) {
        errorCount.increment();
        String key = route + " -> " + what;
        if (count(errors, key) <= 3) {
            System.out.printf("  %6.0fs  ERROR %s%n", elapsedMs.getAsLong() / 1000.0, key);
        }
    }

    void refusal(String route, String what) {
        refusalCount.increment();
        count(refusals, route + " -> " + what);
    }

    private static long count(Map<String, LongAdder> map, String key) {
        LongAdder a = map.computeIfAbsent(key, k -> new LongAdder());
        a.increment();
        return a.sum();
    }

    long requests() {
        return requests.get();
    }

    long errorCount() {
        return errorCount.sum();
    }

    long refusalCount() {
        return refusalCount.sum();
    }

    /** The slowest answer since the last call. */
    long takeWindowMaxMicros() {
        return windowMaxMicros.getAndSet(0);
    }

    Map<String, Histogram> latencies() {
        return new TreeMap<>(latencies);
    }

    Map<String, Long> errors() {
        return sums(errors);
    }

    Map<String, Long> refusals() {
        return sums(refusals);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> map) {
        Map<String, Long> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
