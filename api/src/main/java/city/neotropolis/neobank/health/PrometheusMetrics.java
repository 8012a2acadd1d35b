package city.neotropolis.neobank.health;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** The service's Dropwizard metrics (JVM, Jetty, Jersey, pools) in Prometheus text format at the admin port's /metrics. */
public final class PrometheusMetrics {
    private PrometheusMetrics() {}

    public static void register(Environment env) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new DropwizardExports(env.metrics()));
        env.admin()
                .addServlet("prometheus", new PrometheusMetricsServlet(registry))
                .addMapping("/metrics");
    }
}
