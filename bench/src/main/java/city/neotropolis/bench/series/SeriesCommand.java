package city.neotropolis.bench.series;

import city.neotropolis.neobank.admin.EconomySeries;
import city.neotropolis.neobank.admin.JournalRollup;
import city.neotropolis.neobank.db.Database;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The GM dashboard's {@code GET /api/admin/stats/series} over a big journal: seeds N journal rows
 * (default 1,000,000, spread over the last hours of play) into a fresh SQLite file and a fresh
 * PostgreSQL database, lets the per-minute rollup catch up (timed: the one-off cost after an
 * upgrade), adds a few seconds' worth of rows it has not summed yet, then times the series the
 * dashboard asks for, through the same service code the endpoint calls.
 */
@Command(
        name = "series",
        mixinStandardHelpOptions = true,
        description = "Time the dashboard's series endpoint over a seeded journal on SQLite and PostgreSQL.")
public final class SeriesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--rows",
            defaultValue = "1000000",
            description = "Journal rows to seed (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--players", defaultValue = "400", description = "Players (default ${DEFAULT-VALUE}).")
    int players;

    @Option(
            names = "--hours",
            defaultValue = "48",
            description = "Hours of play the rows span (default ${DEFAULT-VALUE}).")
    int hours;

    @Option(
            names = "--tail",
            defaultValue = "2000",
            description = "Recent rows left for the query to read unsummed (default ${DEFAULT-VALUE}).")
    int tail;

    @Option(names = "--runs", defaultValue = "30", description = "Timed calls per window (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--db", defaultValue = "both", description = "sqlite, postgres or both (default ${DEFAULT-VALUE}).")
    String which;

    @Option(
            names = "--pg",
            defaultValue = "jdbc:postgresql://127.0.0.1:5432/",
            description = "PostgreSQL server URL; a database is created and dropped (default ${DEFAULT-VALUE}).")
    String pgServer;

    @Option(names = "--pg-user", defaultValue = "postgres")
    String pgUser;

    /** The windows the dashboard offers, plus the finest step the endpoint allows over a day. */
    record Window(String name, Duration span, long stepSeconds) {}

    static final List<Window> WINDOWS = List.of(
            new Window("last hour by minute", Duration.ofHours(1), 60),
            new Window("6 h by 5 min", Duration.ofHours(6), 300),
            new Window("24 h by 15 min", Duration.ofHours(24), 900),
            new Window("24 h by minute (1440 buckets)", Duration.ofHours(24), 60),
            new Window("3 days by hour", Duration.ofHours(72), 3600));

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        out.printf(
                "series benchmark: %,d journal rows over %d h, %d players, %,d unsummed recent rows, %d runs per window%n",
                rows, hours, players, tail, runs);
        boolean ok = true;
        if (!which.equals("postgres")) {
            Path dir = Files.createTempDirectory("neobank-series-bench-");
            try {
                ok &= run("SQLite", "jdbc:sqlite:" + dir.resolve("neobank.db"), null);
            } finally {
                try (var walk = Files.walk(dir)) {
                    walk.sorted(java.util.Comparator.reverseOrder())
                            .forEach(p -> p.toFile().delete());
                }
            }
        }
        if (!which.equals("sqlite")) {
            String name = "neobank_series_bench_" + ProcessHandle.current().pid();
            // Batched inserts as one multi-row INSERT each: seeding a million rows takes minutes, not ten.
            try (Connection c = DriverManager.getConnection(pgServer + "postgres", pgUser, "");
                    Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + name);
            } catch (java.sql.SQLException e) {
                out.println("PostgreSQL: skipped, no server at " + pgServer + " (" + e.getMessage() + ")");
                return ok ? 0 : 1;
            }
            try {
                ok &= run("PostgreSQL", pgServer + name + "?reWriteBatchedInserts=true", pgUser);
            } finally {
                try (Connection c = DriverManager.getConnection(pgServer + "postgres", pgUser, "");
                        Statement st = c.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
        return ok ? 0 : 1;
    }

    private boolean run(String label, String url, String user) throws Exception {
        var out = spec.commandLine().getOut();
        DataSourceFactory dsf = new DataSourceFactory();
        dsf.setUrl(url);
        if (user != null) {
            dsf.setUser(user);
        }
        Database db = Database.open(new Environment("series-bench"), dsf, 1024, 64);
        try {
            long now = System.currentTimeMillis();
            long t0 = System.nanoTime();
            JournalSeed.seed(db, rows, players, now - Duration.ofHours(hours).toMillis(), now - 60_000);
            out.printf("%s: seeded %,d rows in %.1f s%n", label, rows, (System.nanoTime() - t0) / 1e9);
            JournalRollup rollup = new JournalRollup(db, Clock.systemUTC());
            t0 = System.nanoTime();
            long summed = rollup.catchUp();
            out.printf(
                    "%s: first rollup catch-up (once, after an upgrade): %,d rows in %.1f s%n",
                    label, summed, (System.nanoTime() - t0) / 1e9);
            JournalSeed.seed(db, tail, players, now - 3_000, now);
            if (user != null) {
                // What autovacuum does after a bulk load: planner statistics for the new rows.
                db.reads().useHandle(h -> h.execute("ANALYZE"));
            }
            EconomySeries series = new EconomySeries(db, Clock.systemUTC());
            boolean ok = true;
            for (Window w : WINDOWS) {
                Histogram h = new Histogram(60_000_000_000L, 3);
                String to = Instant.ofEpochMilli(now).toString();
                String from = Instant.ofEpochMilli(now - w.span().toMillis()).toString();
                EconomySeries.Series s = null;
                for (int i = 0; i < 5; i++) {
                    s = series.series(from, to, w.stepSeconds());
                }
                for (int i = 0; i < runs; i++) {
                    long a = System.nanoTime();
                    s = series.series(from, to, w.stepSeconds());
                    h.recordValue(System.nanoTime() - a);
                }
                double max = h.getMaxValue() / 1e6;
                ok &= max <= 200;
                out.printf(
                        "%s: %-30s %4d buckets, %,9d spins  p50 %6.1f ms  p95 %6.1f ms  max %6.1f ms  %s%n",
                        label,
                        w.name(),
                        s.t().length,
                        Arrays.stream(s.spins()).sum(),
                        h.getValueAtPercentile(50) / 1e6,
                        h.getValueAtPercentile(95) / 1e6,
                        max,
                        max <= 200 ? "OK (<= 200 ms)" : "OVER 200 ms");
            }
            return ok;
        } finally {
            db.stop();
        }
    }
}
