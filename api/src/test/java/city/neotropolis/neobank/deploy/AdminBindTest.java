package city.neotropolis.neobank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The admin port (metrics, health checks, tasks) of the shipped config.yml")
class AdminBindTest {

    private static HttpConnectorFactory admin(Map<String, String> env) {
        DefaultServerFactory server =
                (DefaultServerFactory) ShippedConfig.load(env).getServerFactory();
        assertThat(server.getAdminConnectors()).hasSize(1);
        return (HttpConnectorFactory) server.getAdminConnectors().get(0);
    }

    @Test
    @DisplayName("listens on loopback only when nothing says otherwise")
    void loopbackByDefault() {
        assertThat(admin(Map.of()).getBindHost()).isEqualTo("127.0.0.1");
        assertThat(admin(Map.of()).getPort()).isEqualTo(8081);
    }

    @Test
    @DisplayName("listens where ADMIN_BIND says (Kubernetes: the pod address, for probes and scraping)")
    void configurable() {
        assertThat(admin(Map.of("ADMIN_BIND", "0.0.0.0", "ADMIN_PORT", "9091")).getBindHost())
                .isEqualTo("0.0.0.0");
        assertThat(admin(Map.of("ADMIN_PORT", "9091")).getPort()).isEqualTo(9091);
    }
}
