package city.neotropolis.neobank.web;

import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * Keeps slow or hostile clients from holding the server's threads: every request body is read
 * before a thread is given to the request ({@link BodyFirst}), and the number of open connections
 * is capped so that what they hold instead (a socket and a small buffer each) stays bounded. The
 * thread pool, queue and idle timeouts themselves are Dropwizard's own settings in config.yml.
 */
public final class SlowClientsFeature {
    private final long maxBodyBytes;
    private final Duration bodyDeadline;
    private final int maxConnections;

    public SlowClientsFeature(long maxBodyBytes, Duration bodyDeadline, int maxConnections) {
        this.maxBodyBytes = maxBodyBytes;
        this.bodyDeadline = bodyDeadline;
        this.maxConnections = maxConnections;
    }

    public void register(Environment env) {
        env.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStarting(LifeCycle event) {
                if (event instanceof Server server) {
                    server.insertHandler(new BodyFirst(maxBodyBytes, bodyDeadline));
                    server.addBean(new NetworkConnectionLimit(maxConnections, server));
                }
            }
        });
    }
}
