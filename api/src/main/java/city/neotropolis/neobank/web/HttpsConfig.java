package city.neotropolis.neobank.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.server.ServerFactory;
import io.dropwizard.jetty.ConnectorFactory;
import io.dropwizard.jetty.HttpsConnectorFactory;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;

/**
 * HTTPS on one machine (docs/https.md): phones on a LAN address need a secure context for the
 * camera and the service worker. Off unless a keystore is configured; then Dropwizard's own
 * {@code https} connector is added next to the plain one, with the keystore {@code bin/make-keystore}
 * writes. A switch in config.yml rather than a second connector written there, because a connector
 * cannot be made optional through environment substitution.
 */
public class HttpsConfig {
    /** A PKCS#12 keystore with the server key and its certificate chain; empty: no HTTPS. */
    @JsonProperty
    public String keyStorePath = "";

    @JsonProperty
    public String keyStorePassword = "";

    @Min(0)
    @Max(65535)
    @JsonProperty
    public int port = 8443;

    /** Empty: every interface (phones reach it over the LAN). */
    @JsonProperty
    public String bindHost = "";

    public boolean enabled() {
        return keyStorePath != null && !keyStorePath.isBlank();
    }

    /** Adds the https connector to the server's application connectors when a keystore is configured. */
    public void addTo(ServerFactory server) {
        if (!enabled()) {
            return;
        }
        if (!(server instanceof DefaultServerFactory factory)) {
            throw new IllegalStateException("https: needs the default server type (server.applicationConnectors)");
        }
        if (keyStorePassword == null || keyStorePassword.isEmpty()) {
            throw new IllegalStateException("https: set the keystore password (NEOBANK_HTTPS_KEYSTORE_PASSWORD)");
        }
        HttpsConnectorFactory https = new HttpsConnectorFactory();
        https.setPort(port);
        https.setBindHost(bindHost == null || bindHost.isBlank() ? null : bindHost);
        https.setKeyStorePath(keyStorePath);
        https.setKeyStorePassword(keyStorePassword);
        https.setKeyStoreType("PKCS12");
        List<ConnectorFactory> connectors = new ArrayList<>(factory.getApplicationConnectors());
        connectors.add(https);
        factory.setApplicationConnectors(connectors);
    }
}
