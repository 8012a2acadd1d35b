package city.neotropolis.neobank.web;

import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.Set;

/**
 * What every request meets before and after the features: its request id and metrics, security
 * headers and CORS, the body limit, and the one error shape for Jersey, for servlets and for Jetty itself.
 */
public final class WebFeature {
    private final ErrorWriter errors;
    private final Set<String> corsOrigins;
    private final long maxBodyBytes;
    private final DirectRoutes direct;

    /** {@code direct}: the routes answered before Jersey, filled in by the features. */
    public WebFeature(ErrorWriter errors, Set<String> corsOrigins, long maxBodyBytes, DirectRoutes direct) {
        this.errors = errors;
        this.corsOrigins = corsOrigins;
        this.maxBodyBytes = maxBodyBytes;
        this.direct = direct;
    }

    public void register(Environment env) {
        for (Object mapper : ErrorMappers.all(errors)) {
            env.jersey().register(mapper);
        }
        env.servlets()
                .addFilter("request-tracking", new RequestTracking(true))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.admin()
                .addFilter("request-tracking", new RequestTracking(false))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.servlets()
                .addFilter("edge", new EdgeFilter(corsOrigins, errors))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.servlets()
                .addFilter("body-limit", new BodyLimitFilter(maxBodyBytes, errors))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        // After the three above (appended, not prepended), like the balance poll.
        env.servlets()
                .addFilter("direct-routes", direct)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, DirectRoutes.MAPPING);
        env.getApplicationContext().setErrorHandler(new JsonErrorHandler.Servlet(errors));
        env.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler(errors)));
    }
}
