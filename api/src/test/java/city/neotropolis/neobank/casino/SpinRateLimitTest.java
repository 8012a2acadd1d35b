package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Spins per player are rate limited")
class SpinRateLimitTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    @Test
    @DisplayName("past 120 a minute a player gets 429 with Retry-After, and that spin moves nothing")
    void limited() {
        long perMinute = APP.getConfiguration().getRateLimits().spinsPerPlayer.requests;
        assertThat(perMinute).as("the configured default").isEqualTo(120);
        Api api = TestApp.api(APP);
        CasinoFixture db = new CasinoFixture(APP);
        Api.Session p = api.player("fast");
        int ok = 0;
        Api.Res r = null;
        // The bucket refills smoothly (2 a second), so a quick loop passes 120 by a few before it empties.
        for (int i = 0; i < 2 * perMinute; i++) {
            CasinoFixture.State before = db.state(p);
            r = api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}");
            if (r.status() == 429) {
                assertThat(db.state(p)).isEqualTo(before);
                break;
            }
            assertThat(r.status()).isIn(200, 400);
            ok++;
        }
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Retry-After")).isNotBlank();
        assertThat(r.json().get("error").asText()).contains("Too many");
        assertThat(ok).isGreaterThanOrEqualTo((int) perMinute);
        Api.Session other = api.player("calm");
        assertThat(api.post("/api/v1/casino/glitch-grid/spin", other.token(), "{\"bet_amount\": 10}")
                        .status())
                .isEqualTo(200);
    }
}
