package city.neotropolis.bench.phones;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A process's CPU time (as a share of one core) and resident memory over a window, from /proc. */
record ProcessUsage(double corePercent, long rssMiB) {
    /** Runs {@code during}, then waits out the rest of the window, and measures the whole of it. */
    static ProcessUsage over(long pid, int seconds, Runnable during) throws InterruptedException {
        long ticks0 = cpuTicks(pid);
        long t0 = System.nanoTime();
        during.run();
        long left = TimeUnit.SECONDS.toNanos(seconds) - (System.nanoTime() - t0);
        if (left > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        return new ProcessUsage((cpuTicks(pid) - ticks0) / 100.0 / wall * 100, rssKiB(pid) / 1024);
    }

    /** utime + stime in clock ticks (1/100 s on Linux). */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            throw new UncheckedIOException("no process " + pid, e);
        }
    }

    private static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("no process " + pid, e);
        }
    }
}
