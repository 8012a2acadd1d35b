package city.neotropolis.bench.phones;

import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;

/** What all phones saw: polls by answer, errors, poll latency, and how soon money showed. */
final class Tally {
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong changed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final ConcurrentHistogram latencyNs = new ConcurrentHistogram(3);
    private final ConcurrentHistogram seenNs = new ConcurrentHistogram(3);

    void reset() {
        notModified.set(0);
        changed.set(0);
        latencyNs.reset();
    }

    void notModified() {
        notModified.incrementAndGet();
    }

    void changed() {
        changed.incrementAndGet();
    }

    void error() {
        errors.incrementAndGet();
    }

    void latency(long ns) {
        latencyNs.recordValue(ns);
    }

    void seen(long ns) {
        seenNs.recordValue(ns);
    }

    long polls() {
        return notModified.get() + changed.get();
    }

    long notModifiedCount() {
        return notModified.get();
    }

    long changedCount() {
        return changed.get();
    }

    long errors() {
        return errors.get();
    }

    double latencyMs(double percentile) {
        return latencyNs.getValueAtPercentile(percentile) / 1e6;
    }

    String seenText() {
        if (seenNs.getTotalCount() == 0) {
            return "no payments observed";
        }
        return String.format(
                "%d payments, median %.2f s, max %.2f s",
                seenNs.getTotalCount(), seenNs.getValueAtPercentile(50) / 1e9, seenNs.getMaxValue() / 1e9);
    }
}
