package city.neotropolis.neobank.auth;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Authentication and rate limits, with production limits")
class AuthAndLimitsTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    final Api api = TestApp.api(APP);

    @Nested
    @DisplayName("a frozen account")
    class Frozen {
        @Test
        @DisplayName("loses its tokens at once and cannot log in")
        void frozen() {
            Api.Session s = api.player("Ice");
            assertThat(api.get("/api/v1/account", s.token()).status()).isEqualTo(200);
            // A GM freezes the account: the row changes and this service's cached principal goes with it.
            Api.Res frozen = api.post(
                    "/api/admin/users/" + s.accountNumber() + "/freeze",
                    api.gm().token(),
                    "{}");
            assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);

            assertThat(api.get("/api/v1/account", s.token()).status()).isEqualTo(401);
            Api.Res login = api.post(
                    "/api/v1/auth/login", null, "{\"character_name\":\"" + s.name() + "\",\"password\":\"password1\"}");
            assertThat(login.status()).isEqualTo(403);
            assertThat(login.json().get("error").asText()).contains("frozen");
        }
    }

    @Nested
    @DisplayName("rate limits")
    class Limits {
        @Test
        @DisplayName("stop password guessing on one name with 429 and Retry-After")
        void loginPerName() {
            Api.Session s = api.player("Guessed");
            int limited = 0;
            Api.Res last = null;
            for (int i = 0; i < 12; i++) {
                last = api.post(
                        "/api/v1/auth/login",
                        null,
                        "{\"character_name\":\"" + s.name() + "\",\"password\":\"guess-" + i + "\"}");
                if (last.status() == 429) {
                    limited++;
                } else {
                    assertThat(last.status()).isEqualTo(401);
                }
            }
            // 10 a minute per name (one refills every 6 s): one login when the player was made,
            // nine guesses, then refusals.
            assertThat(limited).isBetween(2, 3);
            assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
            assertThat(last.json().get("error").asText()).contains("Too many");
        }

        @Test
        @DisplayName("cap transfers per player per minute")
        void transfersPerPlayer() {
            Api.Session a = api.player("Spender");
            Api.Session b = api.player("Saver");
            String body = "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":0.01}";
            int ok = 0;
            int limited = 0;
            for (int i = 0; i < 90; i++) {
                int status = api.post("/api/v1/transactions", a.token(), body).status();
                if (status == 201) {
                    ok++;
                } else if (status == 429) {
                    limited++;
                }
            }
            // 60 a minute refilled one a second: the full bucket, plus what refilled while the loop ran.
            assertThat(ok).isBetween(60, 75);
            assertThat(ok + limited).isEqualTo(90);
            assertThat(api.balance(a)).as("refused transfers moved nothing").isEqualTo(100000 - ok);
            assertThat(api.post(
                                    "/api/v1/transactions",
                                    b.token(),
                                    "{\"to_account\":\"" + a.accountNumber() + "\",\"amount\":0.01}")
                            .status())
                    .as("another player is not affected")
                    .isEqualTo(201);
        }

        @Test
        @DisplayName("by default let a check-in rush of 300 players from one venue IP through")
        void venueRush() {
            NeoBankConfiguration.RateLimits defaults = new NeoBankConfiguration.RateLimits();
            city.neotropolis.neobank.web.RateLimiter limiter = new city.neotropolis.neobank.web.RateLimiter(true);
            for (int i = 0; i < 300; i++) {
                limiter.check(defaults.registerPerIp.rule("register-ip"), "10.0.0.1");
                limiter.check(defaults.loginPerIp.rule("login-ip"), "10.0.0.1");
                limiter.check(defaults.loginPerName.rule("login-name"), "crowd-member-" + i);
            }
        }
    }

    @Nested
    @DisplayName("the signing key")
    class SigningKey {
        @Test
        @DisplayName("is generated once into the data dir, private, and the same on the next start")
        void generated(@TempDir Path dir) throws Exception {
            byte[] first = SecretKeys.load(null, dir);
            byte[] second = SecretKeys.load("", dir);
            assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
            assertThat(Files.getPosixFilePermissions(dir.resolve(SecretKeys.FILE)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }

        @Test
        @DisplayName("from the environment must be at least 32 bytes")
        void tooShort(@TempDir Path dir) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretKeys.load("short", dir))
                    .hasMessageContaining("32 bytes");
        }
    }
}
