package city.neotropolis.neobank.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * HTTPS on one machine: bin/make-keystore writes a CA and a server keystore, the service serves
 * HTTPS with it next to plain HTTP, and a client that trusts only that CA (as a phone would after
 * installing it) talks to the bank over TLS.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("HTTPS with a keystore from bin/make-keystore")
class HttpsTest {
    static final String PASSWORD = "keystore-pass-for-tests";
    static final Path DIR = makeKeystore();
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
            ConfigOverride.config("https.keyStorePath", DIR.resolve("https.p12").toString()),
            ConfigOverride.config("https.keyStorePassword", PASSWORD),
            ConfigOverride.config("https.port", "0"),
            ConfigOverride.config("https.bindHost", "127.0.0.1"));

    static Path makeKeystore() {
        Path dir = TestApp.tempDir().resolve("https");
        try {
            ProcessBuilder pb = new ProcessBuilder(
                            ShippedConfig.ROOT.resolve("bin/make-keystore").toString(),
                            "--dir",
                            dir.toString(),
                            "--dns",
                            "bank.lan")
                    .redirectErrorStream(true);
            pb.environment().put("NEOBANK_HTTPS_KEYSTORE_PASSWORD", PASSWORD);
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException("bin/make-keystore failed: " + out);
            }
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The HTTPS connector's port: the second application connector (the first is plain HTTP). */
    static int httpsPort() {
        return APP.getPort(1);
    }

    static HttpClient trusting(Path caFile) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            trust.setCertificateEntry(
                    "neobank-ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder()
                .sslContext(ssl)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    @DisplayName("a client trusting only the event CA logs in and reads its account over TLS")
    void talksOverTls() throws Exception {
        HttpClient client = trusting(DIR.resolve("neobank-ca.crt"));
        String base = "https://127.0.0.1:" + httpsPort();
        HttpResponse<String> health = client.send(
                HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("healthy");
        assertThat(health.sslSession()).isPresent();
        X509Certificate server = (X509Certificate) health.sslSession().get().getPeerCertificates()[0];
        assertThat(server.getSubjectAlternativeNames().toString()).contains("127.0.0.1", "localhost", "bank.lan");
        assertThat(server.getNotAfter().getTime() - server.getNotBefore().getTime())
                .as("at most 398 days, or phones refuse it")
                .isLessThanOrEqualTo(Duration.ofDays(398).toMillis());

        Api.Session player = TestApp.api(APP).player("tls");
        HttpResponse<String> account = client.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/account"))
                        .header("Authorization", "Bearer " + player.token())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).contains(player.accountNumber());
    }

    @Test
    @DisplayName("a client that does not trust the event CA is refused at the handshake")
    void untrustedRefused() {
        HttpClient plain =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> plain.send(
                        HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + httpsPort() + "/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    @DisplayName("plain HTTP keeps working next to it, and without a keystore config.yml adds no HTTPS at all")
    void plainStays() {
        assertThat(TestApp.api(APP).get("/health", null).status()).isEqualTo(200);
        assertThat(ShippedConfig.load(Map.of()).getHttps().enabled()).isFalse();
        assertThat(ShippedConfig.load(Map.of("NEOBANK_HTTPS_KEYSTORE", "/k.p12", "HTTPS_PORT", "9443"))
                        .getHttps())
                .satisfies(h -> {
                    assertThat(h.enabled()).isTrue();
                    assertThat(h.port).isEqualTo(9443);
                });
    }
}
