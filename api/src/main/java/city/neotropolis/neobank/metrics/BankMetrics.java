package city.neotropolis.neobank.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * The bank's own figures for {@code /metrics}: what moved, what was refused, what the casino paid.
 * Counters are counted in the process, never queried from the database, so a scrape costs nothing
 * and a counter behaves as Prometheus expects across replicas and restarts (each replica counts
 * its own; {@code sum(rate(...))} adds them). A movement or a spin is counted only once its write
 * unit has committed, through {@code WriteSession.afterCommit}.
 */
public final class BankMetrics {
    /** Kept apart from the client's default registry: the admin servlet adds it next to the Dropwizard bridge. */
    public static final PrometheusRegistry REGISTRY = new PrometheusRegistry();

    /** Refusal reasons that exist from the start, so a rate over them is never an absent series. */
    public static final List<String> REASONS = List.of(
            "bad_request",
            "insufficient_funds",
            "frozen",
            "unauthorized",
            "forbidden",
            "not_found",
            "conflict",
            "unprocessable",
            "too_large",
            "rate_limited",
            "unavailable",
            "server_error");

    private static final Counter MOVEMENTS = Counter.builder()
            .name("neobank_movements_total")
            .help("Ledger movements committed, by journal type")
            .labelNames("type")
            .register(REGISTRY);
    private static final Counter MOVED = Counter.builder()
            .name("neobank_moved_credits_total")
            .help("Credits moved by committed ledger movements, by journal type")
            .labelNames("type")
            .register(REGISTRY);
    private static final Counter REFUSALS = Counter.builder()
            .name("neobank_refusals_total")
            .help("Requests refused with a 4xx or 5xx answer, by reason")
            .labelNames("reason")
            .register(REGISTRY);
    private static final Counter REPLAYS = Counter.builder()
            .name("neobank_idempotent_replays_total")
            .help("Retries answered from a stored Idempotency-Key reply, moving nothing again")
            .register(REGISTRY);
    private static final Counter SPINS = Counter.builder()
            .name("neobank_casino_spins_total")
            .help("Casino spins committed, by game")
            .labelNames("game")
            .register(REGISTRY);
    private static final Counter WINS = Counter.builder()
            .name("neobank_casino_wins_total")
            .help("Casino spins that paid out more than nothing, by game")
            .labelNames("game")
            .register(REGISTRY);
    private static final Counter WAGERED = Counter.builder()
            .name("neobank_casino_wagered_credits_total")
            .help("Credits wagered on paid spins, by game")
            .labelNames("game")
            .register(REGISTRY);
    private static final Counter PAID = Counter.builder()
            .name("neobank_casino_paid_credits_total")
            .help("Credits paid out by the house, by game (free spins included)")
            .labelNames("game")
            .register(REGISTRY);
    private static final Histogram BATCHES = Histogram.builder()
            .name("neobank_writer_commit_batch_size")
            .help("Write units per database commit (SQLite group commit; always 1 on PostgreSQL)")
            .classicOnly()
            .classicUpperBounds(1, 2, 4, 8, 16, 32, 64, 128, 256, 512)
            .register(REGISTRY);
    private static final Histogram REQUESTS = Histogram.builder()
            .name("neobank_http_request_duration_seconds")
            .help("Time to answer a request on the application port, by status class")
            .labelNames("status")
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10)
            .register(REGISTRY);

    private static final Counter OFFSITE_FAILURES = Counter.builder()
            .name("neobank_backup_offsite_failures_total")
            .help("Failed attempts to list the bucket or upload a backup to it (each is retried)")
            .register(REGISTRY);

    private static final Map<String, DoubleAdder[]> RTP = new ConcurrentHashMap<>();
    // The client looks a label value up through a fresh list each time: the hot paths keep their points.
    private static final Map<String, CounterDataPoint[]> BY_TYPE = new ConcurrentHashMap<>();
    private static final Map<String, DistributionDataPoint> BY_STATUS = new ConcurrentHashMap<>();

    static {
        GaugeWithCallback.builder()
                .name("neobank_casino_rtp_ratio")
                .help("Realised return to player since start: credits paid / credits wagered, by game")
                .labelNames("game")
                .callback(cb -> RTP.forEach((game, sums) -> {
                    double wagered = sums[0].sum();
                    if (wagered > 0) {
                        cb.call(sums[1].sum() / wagered, game);
                    }
                }))
                .register(REGISTRY);
        for (String reason : REASONS) {
            REFUSALS.labelValues(reason);
        }
        for (String status : List.of("2xx", "3xx", "4xx", "5xx")) {
            REQUESTS.labelValues(status);
        }
    }

    private BankMetrics() {}

    /** Makes a label value exist at zero, so dashboards and alerts see it before the first event. */
    public static void knownMovementType(String type) {
        MOVEMENTS.labelValues(type);
        MOVED.labelValues(type);
    }

    public static void knownGame(String game) {
        SPINS.labelValues(game);
        WINS.labelValues(game);
        WAGERED.labelValues(game);
        PAID.labelValues(game);
    }

    /** A committed movement of {@code hundredths} credits. */
    public static void moved(String type, long hundredths) {
        CounterDataPoint[] points = BY_TYPE.computeIfAbsent(
                type, t -> new CounterDataPoint[] {MOVEMENTS.labelValues(t), MOVED.labelValues(t)});
        points[0].inc();
        points[1].inc(hundredths / 100.0);
    }

    /** A committed spin: {@code wagered} is zero for a free spin. */
    public static void spun(String game, long wageredHundredths, long paidHundredths) {
        SPINS.labelValues(game).inc();
        if (paidHundredths > 0) {
            WINS.labelValues(game).inc();
        }
        double wagered = wageredHundredths / 100.0;
        double paid = paidHundredths / 100.0;
        WAGERED.labelValues(game).inc(wagered);
        PAID.labelValues(game).inc(paid);
        DoubleAdder[] sums = RTP.computeIfAbsent(game, g -> new DoubleAdder[] {new DoubleAdder(), new DoubleAdder()});
        sums[0].add(wagered);
        sums[1].add(paid);
    }

    public static void refused(String reason) {
        REFUSALS.labelValues(reason).inc();
    }

    public static void replayed() {
        REPLAYS.inc();
    }

    public static void offsiteFailed() {
        OFFSITE_FAILURES.inc();
    }

    public static void committed(int units) {
        BATCHES.observe(units);
    }

    /** An answered request: its status and how long it took. */
    public static void answered(int status, long nanos) {
        BY_STATUS.computeIfAbsent(statusClass(status), REQUESTS::labelValues).observe(nanos / 1e9);
    }

    static String statusClass(int status) {
        return switch (status / 100) {
            case 2 -> "2xx";
            case 3 -> "3xx";
            case 4 -> "4xx";
            case 5 -> "5xx";
            default -> "other";
        };
    }

    /** The reason label of a refusal with this status, when the refusal did not name one. */
    public static String reasonOf(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 409 -> "conflict";
            case 413 -> "too_large";
            case 422 -> "unprocessable";
            case 429 -> "rate_limited";
            case 503 -> "unavailable";
            default -> status >= 500 ? "server_error" : "bad_request";
        };
    }
}
