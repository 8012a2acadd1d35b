package city.neotropolis.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * The end of a soak: p50/p99/max per route, errors and game refusals, whether memory stayed flat,
 * and the ledger's own verdict. Flat: RSS of the last minute less than 10 % above the second minute,
 * and the live heap at the end less than 10 % above the live heap after the warm-up.
 */
final class Summary {
    private final BankClient client;
    private final MemoryWatch memory;
    private final Outcomes outcomes;
    private final int players;
    private final double minutes;

    Summary(BankClient client, MemoryWatch memory, Outcomes outcomes, int players, double minutes) {
        this.client = client;
        this.memory = memory;
        this.outcomes = outcomes;
        this.players = players;
        this.minutes = minutes;
    }

    /** Prints the summary ({@code end}: ms since the soak began); returns the exit code: 0 pass, 1 errors or ledger, 3 memory not flat. */
    int print(String gmPassword, long end) throws Exception {
        System.out.println();
        System.out.printf(
                "SUMMARY: %d players, %.1f min, %d requests (%.1f req/s)%n",
                players, minutes, outcomes.requests(), outcomes.requests() / (end / 1000.0));
        latencies();
        System.out.println("errors: " + outcomes.errorCount());
        outcomes.errors().forEach((k, v) -> System.out.printf("  %6d  %s%n", v, k));
        System.out.println("game refusals (not errors): " + outcomes.refusalCount());
        outcomes.refusals().forEach((k, v) -> System.out.printf("  %6d  %s%n", v, k));
        boolean flat = memoryVerdict(end);

        client.awaitLogin();
        String gm = client.post("/api/v1/auth/login", BankClient.loginBody("admin", gmPassword), null, 200)
                .path("access_token")
                .asText();
        JsonNode verify = client.get("/api/admin/ledger/verify", gm);
        boolean ledgerOk = verify.path("ok").asBoolean(false);
        System.out.println("ledger verify: " + verify);

        int code = outcomes.errorCount() > 0 || !ledgerOk ? 1 : flat ? 0 : 3;
        System.out.println("RESULT: " + (code == 0 ? "PASS" : "FAIL") + " (errors " + outcomes.errorCount()
                + ", ledger " + (ledgerOk ? "ok" : "NOT OK") + ", memory " + (flat ? "flat" : "not flat") + ") at "
                + Instant.now());
        return code;
    }

    private void latencies() {
        System.out.println("route                                          count    p50_ms    p99_ms    max_ms");
        Histogram all = new Histogram(3);
        for (Map.Entry<String, Histogram> e : outcomes.latencies().entrySet()) {
            row(e.getKey(), e.getValue());
            all.add(e.getValue());
        }
        row("all routes", all);
    }

    private static void row(String name, Histogram h) {
        System.out.printf(
                "%-44s %8d %9.1f %9.1f %9.1f%n",
                name,
                h.getTotalCount(),
                h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0,
                h.getMaxValue() / 1000.0);
    }

    /** After the warm-up (JIT, caches, pools), compares the second minute with the last one. */
    private boolean memoryVerdict(long end) {
        long warm = Math.min(60_000, end / 4);
        long window = Math.min(60_000, end / 4);
        List<MemoryWatch.Sample> afterWarm = memory.between(warm, Long.MAX_VALUE);
        long rssMin = afterWarm.stream()
                .mapToLong(MemoryWatch.Sample::rssKb)
                .filter(v -> v > 0)
                .min()
                .orElse(-1);
        long rssMax =
                afterWarm.stream().mapToLong(MemoryWatch.Sample::rssKb).max().orElse(-1);
        double rssEarly = mean(MemoryWatch.Sample::rssKb, warm, warm + window);
        double rssLate = mean(MemoryWatch.Sample::rssKb, end - window, end + 1);
        double rssGrowth = (rssLate / rssEarly - 1) * 100;
        System.out.printf(
                "memory: RSS after the first %.0f s: min %.1f MB, max %.1f MB; mean %.1f MB in [%.0f s, %.0f s)"
                        + " vs %.1f MB in the last %.0f s: %+.1f %%%n",
                warm / 1000.0,
                rssMin / 1024.0,
                rssMax / 1024.0,
                rssEarly / 1024.0,
                warm / 1000.0,
                (warm + window) / 1000.0,
                rssLate / 1024.0,
                window / 1000.0,
                rssGrowth);
        boolean flat = !(rssGrowth >= 10);
        System.out.printf(
                "memory: heap after young GCs mean %.1f MB early vs %.1f MB late (includes old-generation"
                        + " garbage G1 has not collected yet)%n",
                mean(MemoryWatch.Sample::heapAfterGc, warm, warm + window) / 1048576.0,
                mean(MemoryWatch.Sample::heapAfterGc, end - window, end + 1) / 1048576.0);
        if (memory.liveEarly > 0 && memory.liveLate > 0) {
            double liveGrowth = (memory.liveLate / (double) memory.liveEarly - 1) * 100;
            boolean liveFlat = liveGrowth < 10;
            System.out.printf(
                    "memory: live heap (after a full GC) %d MB after the warm-up vs %d MB at the end: %+.1f %%"
                            + " (%s)%n",
                    memory.liveEarly / 1048576L, memory.liveLate / 1048576L, liveGrowth, liveFlat ? "flat" : "GROWING");
            flat &= liveFlat;
        } else {
            System.out.println("memory: live heap unknown (no GC log)");
        }
        System.out.printf(
                "memory: heap used (sampled, sawtooth) mean %.1f MB early vs %.1f MB late%n",
                mean(MemoryWatch.Sample::heapUsed, warm, warm + window) / 1048576.0,
                mean(MemoryWatch.Sample::heapUsed, end - window, end + 1) / 1048576.0);
        StringBuilder rssSeries = new StringBuilder();
        StringBuilder gcSeries = new StringBuilder();
        for (long m = 0; m * 60_000 < end; m++) {
            double r = mean(MemoryWatch.Sample::rssKb, m * 60_000, (m + 1) * 60_000);
            double g = mean(MemoryWatch.Sample::heapAfterGc, m * 60_000, (m + 1) * 60_000);
            rssSeries.append(String.format(" %.0f", r / 1024.0));
            gcSeries.append(Double.isNaN(g) ? " n/a" : String.format(" %.1f", g / 1048576.0));
        }
        System.out.println("memory per minute, RSS MB:" + rssSeries);
        System.out.println("memory per minute, heap after GC MB:" + gcSeries);
        memory.printHistogramGrowth();
        System.out.println("memory verdict: " + (flat ? "FLAT" : "NOT FLAT"));
        return flat;
    }

    /** Mean of one figure over the samples in [from, to) ms, skipping unknown (-1) ones. */
    private double mean(ToLongFunction<MemoryWatch.Sample> figure, long from, long to) {
        return memory.between(from, to).stream()
                .mapToLong(figure)
                .filter(v -> v >= 0)
                .average()
                .orElse(Double.NaN);
    }
}
