package city.neotropolis.neobank.health;

import city.neotropolis.neobank.db.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;

/** {@code GET /health} for load balancers, and Prometheus metrics on the admin port. */
public final class HealthFeature {
    private final Database db;
    private final ObjectMapper mapper;

    public HealthFeature(Database db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    public void register(Environment env) {
        env.servlets().addServlet("health", new HealthServlet(db, mapper)).addMapping("/health");
        PrometheusMetrics.register(env);
    }
}
