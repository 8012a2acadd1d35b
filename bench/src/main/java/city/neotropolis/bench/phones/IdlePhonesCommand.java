package city.neotropolis.bench.phones;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What idle open phones cost the service. Each simulated phone does what the web app does while it
 * sits on screen: its own keep-alive connection, {@code GET /api/v1/account} every 2 s with the ETag
 * of its last answer (a 304 while nothing changed). The server's CPU time and RSS come from /proc,
 * over a window with no phones and the same window with them; meanwhile a few transfers go to
 * random phones, and each receiving phone times how long until its poll shows the money.
 * Run by bench/idle-phones.sh, which starts the service.
 */
@Command(
        name = "idle-phones",
        mixinStandardHelpOptions = true,
        description = "Open phones polling the live balance against a running service; prints what they cost it.")
public final class IdlePhonesCommand implements Callable<Integer> {
    @Option(names = "--base", defaultValue = "http://127.0.0.1:25280", description = "The API's base URL.")
    String base;

    @Option(names = "--pid", required = true, description = "The service's process id (CPU time and RSS).")
    long pid;

    @Option(names = "--phones", defaultValue = "500", description = "Open phones (default ${DEFAULT-VALUE}).")
    int phones;

    @Option(names = "--seconds", defaultValue = "60", description = "Each measured window (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(
            names = "--warmup",
            defaultValue = "60",
            description = "Seconds of polling before measuring: the JIT compiles the poll path for a minute or"
                    + " more on 2 cores (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--interval-ms", defaultValue = "2000", description = "Poll interval (default ${DEFAULT-VALUE}).")
    int intervalMs;

    @Override
    public Integer call() throws Exception {
        URI uri = URI.create(base);
        long t0 = System.nanoTime();
        List<Signup.Player> players = Signup.players(uri, phones + 1); // the last one pays
        System.out.printf(
                "registered and logged in %d players in %.1f s%n", players.size(), (System.nanoTime() - t0) / 1e9);

        ProcessUsage idle = ProcessUsage.over(pid, seconds, () -> {});
        System.out.printf("no phones:  %.2f %% of one core, RSS %d MiB%n", idle.corePercent(), idle.rssMiB());

        Tally tally = new Tally();
        List<Phone> open = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            open.add(new Phone(uri, players.get(i), tally));
        }
        ScheduledExecutorService loop = Executors.newScheduledThreadPool(16);
        for (Phone p : open) {
            loop.scheduleAtFixedRate(
                    p::poll, ThreadLocalRandom.current().nextInt(intervalMs), intervalMs, TimeUnit.MILLISECONDS);
        }
        System.out.printf("%d phones connected and polling; warming up for %d s%n", phones, warmup);
        TimeUnit.SECONDS.sleep(Math.max(10, warmup));
        tally.reset();
        Signup.Player payer = players.get(phones);
        ProcessUsage busy = ProcessUsage.over(pid, seconds, () -> payPhones(uri, payer, open));
        loop.shutdownNow();
        loop.awaitTermination(10, TimeUnit.SECONDS);
        open.forEach(Phone::close);

        long polls = tally.polls();
        double cpu = busy.corePercent() - idle.corePercent();
        System.out.printf("%d phones:  %.2f %% of one core, RSS %d MiB%n", phones, busy.corePercent(), busy.rssMiB());
        System.out.printf(
                "polls: %,d in %d s = %.0f/s (%d × 304, %d × 200, %d errors); poll latency p50 %.1f ms, p99 %.1f ms%n",
                polls,
                seconds,
                polls / (double) seconds,
                tally.notModifiedCount(),
                tally.changedCount(),
                tally.errors(),
                tally.latencyMs(50),
                tally.latencyMs(99));
        System.out.printf("money seen by the receiving phone after: %s%n", tally.seenText());
        System.out.printf(
                "IDLE PHONES: %d open phones polling every %.1f s cost %.1f %% of one core above idle (%.0f µs CPU per"
                        + " poll) and %+d MiB RSS on %d cores; %d errors%n",
                phones,
                intervalMs / 1000.0,
                cpu,
                cpu / 100.0 * 1e6 / Math.max(1, polls / (double) seconds),
                busy.rssMiB() - idle.rssMiB(),
                Runtime.getRuntime().availableProcessors(),
                tally.errors());
        return tally.errors() == 0 ? 0 : 1;
    }

    /** Twenty transfers of 1 credit to random phones, spread over the window. */
    private void payPhones(URI uri, Signup.Player payer, List<Phone> open) {
        long gapMs = Math.max(1, seconds * 1000L / 25);
        for (int i = 0; i < 20; i++) {
            Phone p = open.get(ThreadLocalRandom.current().nextInt(open.size()));
            p.expectMoney();
            Signup.pay(uri, payer, p.account(), "1");
            p.paid();
            try {
                TimeUnit.MILLISECONDS.sleep(gapMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
