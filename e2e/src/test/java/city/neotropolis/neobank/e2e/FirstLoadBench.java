package city.neotropolis.neobank.e2e;

import city.neotropolis.neobank.e2e.support.FirstLoad;
import city.neotropolis.neobank.e2e.support.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark (run by bench/first-load.sh, not by the test suite): cold first visits on a throttled
 * connection, 1.6 Mbit/s down, 150 ms round trip, through the DevTools protocol. Prints the
 * compressed bytes and the time until the log-in screen is usable.
 */
@ExtendWith(Service.class)
class FirstLoadBench {
    @Test
    void throttledFirstLoad() {
        int runs = Integer.getInteger("runs", 5);
        String base = Service.get().base();
        FirstLoad.measure(base, false); // warm the service (JIT, gzip cache), not the browser
        List<FirstLoad.Result> all = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            FirstLoad.Result r = FirstLoad.measure(base, true);
            all.add(r);
            System.out.printf(
                    "run %d: %,d bytes in %d requests, log-in usable after %.0f ms%n",
                    i + 1, r.bytes(), r.requests(), r.usableMs());
        }
        all.sort(Comparator.comparingDouble(FirstLoad.Result::usableMs));
        FirstLoad.Result median = all.get(all.size() / 2);
        System.out.printf(
                "FIRST LOAD (%d cold visits, %d ms RTT, %.1f Mbit/s down): %,d bytes (%.1f KB) compressed, "
                        + "log-in usable after %.0f ms median (min %.0f, max %.0f)%n",
                runs,
                FirstLoad.RTT_MS,
                FirstLoad.DOWN_BYTES_PER_S * 8 / 1e6,
                median.bytes(),
                median.bytes() / 1024.0,
                median.usableMs(),
                all.get(0).usableMs(),
                all.get(all.size() - 1).usableMs());
    }
}
