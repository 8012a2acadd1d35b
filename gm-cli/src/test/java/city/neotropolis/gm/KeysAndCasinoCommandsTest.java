package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("gm keys and gm casino against the real service")
class KeysAndCasinoCommandsTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = Service.app();

    String url;
    Path home;

    @BeforeEach
    void logIn() {
        url = Service.url(APP);
        home = Service.loggedIn(url);
    }

    Service.Run gm(String... args) {
        return Service.gm(url, home, "", args);
    }

    /** What a terminal gets when it asks for a balance with this key. */
    int balanceStatus(String key, String account) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url + "/api/v1/external/account/" + account + "/balance"))
                .header("X-API-Key", key)
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(r, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Nested
    @DisplayName("keys")
    class Keys {
        @Test
        @DisplayName("create shows the key once; list never shows it; revoke stops it at once")
        void lifecycle() throws Exception {
            Service.Player vendor = Service.player(url, "Vendor");

            Service.Run created = gm(
                    "keys",
                    "create",
                    "--description",
                    "noodle stall",
                    "--account",
                    vendor.accountNumber(),
                    "--scope",
                    "balance:read",
                    "--scope",
                    "charge",
                    "--max-amount",
                    "50",
                    "--rate-limit",
                    "30",
                    "--json");

            assertThat(created.code()).as(created.toString()).isZero();
            JsonNode key = created.json().get("api_key");
            String value = key.get("key_value").asText();
            assertThat(value).isNotBlank();
            assertThat(key.get("scopes"))
                    .extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder("balance:read", "charge");
            assertThat(balanceStatus(value, vendor.accountNumber())).isEqualTo(200);

            Service.Run table = gm("keys", "list");
            Service.Run json = gm("keys", "list", "--json");

            assertThat(table.out())
                    .contains("noodle stall", vendor.accountNumber(), "balance:read")
                    .doesNotContain(value);
            assertThat(json.out()).doesNotContain(value);
            assertThat(json.json().get("api_keys"))
                    .anySatisfy(k -> assertThat(k.get("id").asLong())
                            .isEqualTo(key.get("id").asLong()));

            Service.Run revoked = gm("keys", "revoke", key.get("id").asText());

            assertThat(revoked.code()).as(revoked.toString()).isZero();
            assertThat(revoked.out()).contains("revoked");
            assertThat(balanceStatus(value, vendor.accountNumber())).isEqualTo(401);
        }

        @Test
        @DisplayName("the table form prints the key with a warning that it is shown only now")
        void tableForm() {
            Service.Player vendor = Service.player(url, "Vendor");

            Service.Run created = gm(
                    "keys",
                    "create",
                    "--description",
                    "bar",
                    "--account",
                    vendor.accountNumber(),
                    "--scope",
                    "charge,payout");

            assertThat(created.code()).as(created.toString()).isZero();
            assertThat(created.out()).containsPattern("Key: \\S{16,}").containsOnlyOnce("shown again");
        }

        @Test
        @DisplayName("an unknown scope exits 1 with the server's error; a missing --scope exits 2")
        void badScopes() {
            Service.Player vendor = Service.player(url, "Vendor");
            int before = gm("keys", "list", "--json").json().get("api_keys").size();

            Service.Run unknown = gm(
                    "keys",
                    "create",
                    "--description",
                    "x",
                    "--account",
                    vendor.accountNumber(),
                    "--scope",
                    "launch:missiles");
            Service.Run missing = gm("keys", "create", "--description", "x", "--account", vendor.accountNumber());

            assertThat(unknown.code()).isEqualTo(1);
            assertThat(unknown.err()).contains("launch:missiles");
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains("--scope");
            assertThat(gm("keys", "list", "--json").json().get("api_keys")).hasSize(before);
        }

        @Test
        @DisplayName("revoking an unknown key exits 1")
        void unknownKey() {
            Service.Run r = gm("keys", "revoke", "999999");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("not found");
        }
    }

    @Nested
    @DisplayName("casino")
    class Casino {
        @Test
        @DisplayName("status lists both games; disable and enable flip a game")
        void switches() {
            Service.Run status = gm("casino", "status");
            assertThat(status.code()).as(status.toString()).isZero();
            assertThat(status.out()).contains("glitch_grid", "starlight_smuggler");

            Service.Run off = gm("casino", "disable", "glitch-grid");

            assertThat(off.code()).as(off.toString()).isZero();
            assertThat(enabled("glitch_grid")).isFalse();

            assertThat(gm("casino", "enable", "glitch_grid").code()).isZero();
            assertThat(enabled("glitch_grid")).isTrue();
        }

        boolean enabled(String game) {
            for (JsonNode g : gm("casino", "status", "--json").json().get("games")) {
                if (g.get("game_name").asText().equals(game)) {
                    return g.get("is_enabled").asBoolean();
                }
            }
            throw new AssertionError("no game " + game);
        }

        @Test
        @DisplayName("payout sets the return to player; an impossible one exits 1 and changes nothing")
        void payout() {
            Service.Run set = gm("casino", "payout", "starlight_smuggler", "90", "--json");

            assertThat(set.code()).as(set.toString()).isZero();
            assertThat(set.json().at("/config/payout_percentage").asInt()).isEqualTo(90);

            Service.Run tooHigh = gm("casino", "payout", "starlight_smuggler", "200");

            assertThat(tooHigh.code()).isEqualTo(1);
            assertThat(tooHigh.err()).contains("payout_percentage");
            assertThat(gm("casino", "status").out()).containsPattern("starlight_smuggler +\\S+ +90");
            assertThat(gm("audit", "list", "--limit", "1", "--json")
                            .json()
                            .at("/logs/0/details")
                            .asText())
                    .as("the audit row names only what changed")
                    .isEqualTo("payout_percentage 96 -> 90");
        }

        @Test
        @DisplayName("every route takes a game's name in any spelling: glitch_grid, glitch-grid, Glitch Grid")
        void spellings() {
            for (String spelling : new String[] {"glitch_grid", "glitch-grid", "Glitch Grid"}) {
                Service.Run par = gm("casino", "par", spelling, "--json");
                assertThat(par.code()).as(spelling + ": " + par).isZero();
                assertThat(par.json().get("game").asText()).isEqualTo("glitch_grid");
            }
            String player = Service.login(url, Service.player(url, "Reels").name(), Service.PLAYER_PASSWORD);
            Api api = new Api(Api.newHttpClient(), url, player);
            assertThat(api.get("/api/v1/casino/games/glitch-grid/reels").path("reels"))
                    .isEqualTo(api.get("/api/v1/casino/games/glitch_grid/reels").path("reels"))
                    .isNotEmpty();
        }

        @Test
        @DisplayName("par prints the PAR sheet at a chosen setting, and its JSON")
        void par() {
            Service.Run table = gm("casino", "par", "glitch_grid", "--payout", "96");
            Service.Run json = gm("casino", "par", "glitch_grid", "--payout", "96", "--json");
            Service.Run unknown = gm("casino", "par", "roulette");

            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out())
                    .contains("rtp", "hit_frequency", "volatility_index", "top_award_odds")
                    .doesNotContain("strip");
            assertThat(json.json().get("rtp").asDouble()).isBetween(95.95, 96.05);
            assertThat(json.json().has("reels")).isTrue();
            assertThat(unknown.code()).isEqualTo(1);
            assertThat(unknown.err()).contains("Unknown game");
        }
    }
}
