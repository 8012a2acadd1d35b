package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A player's own spin list (the fairness panel's)")
class SpinListTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));
    final Api api = TestApp.api(APP);

    @Test
    @DisplayName("lists only your spins, newest first, pages back, and says once each seed is revealed")
    void ownSpinsNewestFirst() {
        Api.Session me = api.player("spinner");
        Api.Session other = api.player("neighbour");
        long[] ids = new long[3];
        for (int i = 0; i < 3; i++) {
            ids[i] = api.post("/api/v1/casino/glitch-grid/spin", me.token(), "{\"bet_amount\":10}")
                    .json()
                    .get("spin_id")
                    .asLong();
        }
        api.post("/api/v1/casino/glitch-grid/spin", other.token(), "{\"bet_amount\":10}");

        JsonNode page = api.get("/api/v1/casino/spins?limit=2", me.token()).json();
        assertThat(page.get("spins").findValues("spin_id"))
                .extracting(JsonNode::asLong)
                .containsExactly(ids[2], ids[1]);
        assertThat(page.get("spins").get(0).get("game").asText()).isEqualTo("glitch_grid");
        assertThat(page.get("spins").get(0).get("seed_revealed").asBoolean()).isFalse();
        long next = page.get("next_cursor").asLong();
        JsonNode older = api.get("/api/v1/casino/spins?limit=2&before=" + next, me.token())
                .json();
        assertThat(older.get("spins").findValues("spin_id"))
                .extracting(JsonNode::asLong)
                .containsExactly(ids[0]);
        assertThat(older.get("next_cursor").isNull()).isTrue();

        api.post("/api/v1/casino/fairness/rotate", me.token(), "");
        JsonNode after = api.get("/api/v1/casino/spins", me.token()).json();
        assertThat(after.get("spins").findValues("seed_revealed"))
                .extracting(JsonNode::asBoolean)
                .containsOnly(true);
        assertThat(api.get("/api/v1/casino/spins", other.token()).json().get("spins"))
                .hasSize(1);
    }

    @Test
    @DisplayName("refuses a bad page size or cursor with a clear 400")
    void badInput() {
        Api.Session me = api.player("pager");
        for (String q : new String[] {"limit=0", "limit=101", "limit=x", "before=0", "before=-3"}) {
            Api.Res r = api.get("/api/v1/casino/spins?" + q, me.token());
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(q).isNotBlank();
        }
    }
}
