package city.neotropolis.neobank;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The service starts on a fresh SQLite file")
class SmokeTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    @Test
    @DisplayName("and answers /health as healthy")
    void health() {
        Api api = TestApp.api(APP);
        Api.Res r = api.get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("healthy");
        assertThat(r.json().get("service").asText()).isEqualTo("neobank");
    }

    @Test
    @DisplayName("and says Connection: close when it refuses a request whose body it did not read")
    void closesAfterUnreadBody() {
        Api api = TestApp.api(APP);
        Api.Res noToken = api.post("/api/v1/transactions", null, "{\"to_account\":\"NC-AAAA-AAAA\",\"amount\":1}");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("Connection")).isEqualTo("close");
        Api.Res noSuchFile = api.post("/no-such-file.js", null, "{}");
        assertThat(noSuchFile.status()).isEqualTo(405);
        assertThat(noSuchFile.header("Connection")).isEqualTo("close");
        Api.Res badUri = api.post("/api/v1/transactions/%00", null, "{}");
        assertThat(badUri.status()).isEqualTo(400);
        assertThat(badUri.header("Connection")).isEqualTo("close");
        assertThat(api.get("/api/v1/account", null).header("Connection"))
                .as("no body, nothing to close for")
                .isNull();
    }

    @Test
    @DisplayName("and serves Prometheus text metrics on the admin port")
    void prometheus() {
        Api admin = new Api("http://127.0.0.1:" + APP.getAdminPort());
        Api.Res r = admin.get("/metrics", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        // (JVM gauges are registered by the command line, not under the test support: check the format.)
        assertThat(r.body())
                .contains("# TYPE ")
                .containsPattern("(?m)^[a-zA-Z_:][a-zA-Z0-9_:]* -?[0-9.]+(E[-+]?[0-9]+)?$");
    }

    @Test
    @DisplayName("and lets the first GM log in with the configured password")
    void gmLogin() {
        Api api = TestApp.api(APP);
        Api.Session gm = api.gm();
        assertThat(api.get("/api/v1/account", gm.token())
                        .json()
                        .at("/account/is_admin")
                        .asBoolean())
                .isTrue();
    }
}
