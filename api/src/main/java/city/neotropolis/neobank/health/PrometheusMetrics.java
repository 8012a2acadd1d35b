package city.neotropolis.neobank.health;

import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.metrics.BankMetrics;
import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Prometheus text format at the admin port's /metrics: the service's Dropwizard metrics (JVM, Jetty,
 * Jersey, pools, and the bank's gauges named {@code neobank_*}) and the bank's labelled counters
 * ({@link BankMetrics}). The metric names alerts and the dashboard use are listed in docs/operations.md.
 */
public final class PrometheusMetrics {
    private PrometheusMetrics() {}

    public static void register(Environment env) {
        for (TxType type : TxType.values()) {
            BankMetrics.knownMovementType(type.code());
        }
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new DropwizardExports(env.metrics()));
        registry.register((MultiCollector) BankMetrics.REGISTRY::scrape);
        env.admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                .addMapping("/metrics");
    }
}
