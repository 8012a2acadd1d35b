package city.neotropolis.neobank.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 10: every sign-up minted 1,000 credits; events choose who may register and who is paid. */
@DisplayName("Registration modes")
class RegistrationModeTest {

    static String body(String name, String code) {
        return "{\"character_name\":\"" + name + "\",\"password\":\"password1\""
                + (code == null ? "" : ",\"event_code\":\"" + code + "\"") + "}";
    }

    static JsonNode supply(Api api) {
        return api.get("/api/admin/ledger/verify", api.gm().token()).json();
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("with an event code, and the starting balance for GM-created characters only")
    class Code {
        static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
                ConfigOverride.config("rateLimits.enabled", "false"),
                ConfigOverride.config("registration.mode", "code"),
                ConfigOverride.config("registration.eventCode", "NEON-2077"),
                ConfigOverride.config("registration.startingBalanceFor", "gm"));

        @Test
        @DisplayName("tells the web app a code is needed")
        void says() {
            JsonNode r = TestApp.api(APP).get("/api/v1/auth/registration", null).json();
            assertThat(r.get("mode").asText()).isEqualTo("code");
            assertThat(r.get("code_required").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("a missing or wrong code is refused; a flood of sign-ups with the code mints nothing")
        void floodMintsNothing() {
            Api api = TestApp.api(APP);
            String before = supply(api).get("money_supply").asText();
            Api.Res missing = api.post("/api/v1/auth/register", null, body(Api.uniqueName("nocode"), null));
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.json().get("error").asText()).contains("event_code");
            Api.Res wrong = api.post("/api/v1/auth/register", null, body(Api.uniqueName("badcode"), "NEON-2078"));
            assertThat(wrong.status()).isEqualTo(403);
            assertThat(wrong.json().get("error").asText()).isEqualTo("Wrong event code");

            for (int i = 0; i < 25; i++) {
                Api.Res r = api.post("/api/v1/auth/register", null, body(Api.uniqueName("flood"), "NEON-2077"));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                assertThat(r.json().at("/user/balance").asDouble()).isZero();
            }
            JsonNode after = supply(api);
            assertThat(after.get("ok").asBoolean()).isTrue();
            assertThat(after.get("money_supply").asText()).isEqualTo(before);

            Api.Res byGm = api.post("/api/admin/users", api.gm().token(), body(Api.uniqueName("castmember"), null));
            assertThat(byGm.status()).as(byGm.body()).isEqualTo(201);
            assertThat(byGm.json().at("/user/balance").asDouble())
                    .as("a GM-created character still gets the starting balance")
                    .isEqualTo(1000);
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("closed")
    class Closed {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.sqlite(ConfigOverride.config("registration.mode", "closed"));

        @Test
        @DisplayName("answers 403 with a message a player can act on, and creates nobody")
        void closed() {
            Api api = TestApp.api(APP);
            assertThat(api.get("/api/v1/auth/registration", null)
                            .json()
                            .get("mode")
                            .asText())
                    .isEqualTo("closed");
            String name = Api.uniqueName("late");
            Api.Res r = api.post("/api/v1/auth/register", null, body(name, null));
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("error").asText()).contains("closed").contains("GM");
            assertThat(api.post(
                                    "/api/v1/auth/login",
                                    null,
                                    "{\"character_name\":\"" + name + "\",\"password\":\"password1\"}")
                            .status())
                    .isEqualTo(401);
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("open (the default)")
    class Open {
        static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

        @Test
        @DisplayName("lets anyone register with the starting balance, and ignores a stray event code")
        void open() {
            Api api = TestApp.api(APP);
            JsonNode mode = api.get("/api/v1/auth/registration", null).json();
            assertThat(mode.get("mode").asText()).isEqualTo("open");
            assertThat(mode.get("code_required").asBoolean()).isFalse();
            Api.Res r = api.post("/api/v1/auth/register", null, body(Api.uniqueName("walkin"), "anything"));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.json().at("/user/balance").asDouble()).isEqualTo(1000);
        }
    }
}
