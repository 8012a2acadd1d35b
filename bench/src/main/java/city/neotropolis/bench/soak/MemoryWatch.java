package city.neotropolis.bench.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's memory over the run: RSS from /proc, heap and threads from the admin port, the heap
 * after the last GC from the GC log, and the live heap after a forced full GC (early and late).
 */
final class MemoryWatch {
    private static final Pattern GC_LINE = Pattern.compile("Pause.*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final Pattern HISTO_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    /** One sample; -1 where the figure could not be read. */
    record Sample(long elapsedMs, long rssKb, long heapUsed, long heapAfterGc, long threads) {}

    private final BankClient client;
    private final long pid;
    private final Path gcLog;
    private final List<Sample> samples = new ArrayList<>();
    private Map<String, long[]> histogramEarly;
    private Map<String, long[]> histogramLate;
    long liveEarly = -1;
    long liveLate = -1;

    MemoryWatch(BankClient client, long pid, Path gcLog) {
        this.client = client;
        this.pid = pid;
        this.gcLog = gcLog;
    }

    Sample sample(long elapsedMs) {
        long rss = -1;
        long heap = -1;
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
            heap = client.adminGauge("jvm.memory.heap.used");
            threads = client.adminGauge("jvm.threads.count");
        } catch (IOException | RuntimeException e) {
            // reported as -1
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Matcher m = lastGcLine("Pause");
        Sample s = new Sample(elapsedMs, rss, heap, m == null ? -1 : Long.parseLong(m.group(2)) * 1048576L, threads);
        synchronized (samples) {
            samples.add(s);
        }
        return s;
    }

    /** The last GC log line containing {@code kind}, matched, or null. */
    private Matcher lastGcLine(String kind) {
        if (gcLog == null) {
            return null;
        }
        try {
            String last = null;
            for (String line : Files.readAllLines(gcLog)) {
                if (line.contains(kind)) {
                    last = line;
                }
            }
            Matcher m = last == null ? null : GC_LINE.matcher(last);
            return m != null && m.find() ? m : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The live heap: a full GC in the service, then the heap after it from the GC log. G1 frees the
     * old generation only after a concurrent cycle, so the heap after young GCs also counts garbage
     * that merely waits in the old generation; only a full GC shows what is still referenced.
     * {@code jcmd PID GC.class_histogram} does the full GC and also counts live objects per class;
     * without jcmd, Dropwizard's admin task {@code POST /tasks/gc}. Costs one pause of tens of ms.
     */
    long fullGc(boolean early, long elapsedMs) {
        if (gcLog == null) {
            return -1;
        }
        try {
            Map<String, long[]> histogram = classHistogram();
            if (histogram == null) {
                client.adminGc();
            }
            if (early) {
                histogramEarly = histogram;
            } else {
                histogramLate = histogram;
            }
            Matcher m = lastGcLine("Pause Full");
            if (m != null) {
                long live = Long.parseLong(m.group(2)) * 1048576L;
                System.out.printf(
                        "  %6.0fs  full GC (%s): live heap %d MB   [%s]%n",
                        elapsedMs / 1000.0,
                        early ? "end of warm-up" : "end of soak",
                        live / 1048576L,
                        m.group().trim());
                return live;
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("  full GC failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return -1;
    }

    /** class -> {instances, bytes} of live objects, or null when jcmd is not there. */
    private Map<String, long[]> classHistogram() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("jcmd", Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true)
                    .start();
            Map<String, long[]> out = new HashMap<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
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
    void printHistogramGrowth() {
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

    /** Samples in from <= elapsed < to (ms). */
    List<Sample> between(long from, long to) {
        synchronized (samples) {
            return samples.stream()
                    .filter(s -> s.elapsedMs() >= from && s.elapsedMs() < to)
                    .toList();
        }
    }
}
