package city.neotropolis.gm;

import static city.neotropolis.gm.Service.GM_NAME;
import static city.neotropolis.gm.Service.GM_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("gm login, logout, whoami and health against the real service")
class SessionCommandsTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = Service.app();

    String url;
    Path home;

    @BeforeEach
    void setUp() {
        url = Service.url(APP);
        home = Service.tempDir("gm-home-").resolve("nested/gm");
    }

    Service.Run gm(String stdin, String... args) {
        return Service.gm(url, home, stdin, args);
    }

    @Nested
    @DisplayName("login")
    class Login {
        @Test
        @DisplayName("with the GM's password on stdin keeps the token in a 0600 session file")
        void savesSession() throws IOException {
            Service.Run r = gm(GM_PASSWORD + "\n", "login", GM_NAME, "--password-stdin");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).contains("Logged in to " + url + " as admin");
            Path session = home.resolve("session");
            assertThat(Files.getPosixFilePermissions(session)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(home)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.readString(session)).contains("\"token\"").contains(url);
        }

        @Test
        @DisplayName("--json prints the server's user, never the token")
        void json() {
            Service.Run r = gm(GM_PASSWORD + "\n", "login", GM_NAME, "--password-stdin", "--json");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.json().at("/user/is_admin").asBoolean()).isTrue();
            assertThat(r.json().has("access_token")).isFalse();
        }

        @Test
        @DisplayName("with a wrong password exits 1 with the server's error on stderr and keeps no session")
        void wrongPassword() {
            Service.Run r = gm("not-the-password\n", "login", GM_NAME, "--password-stdin");

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("Invalid character name or password");
            assertThat(r.out()).isEmpty();
            assertThat(home.resolve("session")).doesNotExist();
        }

        @Test
        @DisplayName("as a player who is not a GM exits 1 and keeps no session")
        void notAGm() {
            Service.Player p = Service.player(url, "plain");

            Service.Run r = gm(Service.PLAYER_PASSWORD + "\n", "login", p.name(), "--password-stdin");

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).contains("is not a game master");
            assertThat(home.resolve("session")).doesNotExist();
        }

        @Test
        @DisplayName("without --password-stdin and without a terminal exits 2 instead of hanging")
        void noTerminal() {
            Service.Run r = gm("", "login", GM_NAME);

            assertThat(r.code()).as(r.toString()).isEqualTo(2);
            assertThat(r.err()).contains("--password-stdin");
        }
    }

    @Nested
    @DisplayName("whoami")
    class Whoami {
        @Test
        @DisplayName("shows the logged-in GM as a table, and as the server's JSON with --json")
        void shows() {
            assertThat(gm(GM_PASSWORD + "\n", "login", GM_NAME, "--password-stdin")
                            .code())
                    .isZero();

            Service.Run table = gm("", "whoami");
            Service.Run json = gm("", "--json", "whoami");

            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out())
                    .contains("NAME")
                    .contains("admin")
                    .contains("yes")
                    .contains(url);
            assertThat(json.code()).isZero();
            assertThat(json.json().at("/account/character_name").asText()).isEqualTo("admin");
            assertThat(json.json().at("/account/is_admin").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("without a session exits 4 with a hint on stderr")
        void notLoggedIn() {
            Service.Run r = gm("", "whoami");

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err()).contains("not logged in").contains("gm login");
            assertThat(r.out()).isEmpty();
        }

        @Test
        @DisplayName("exits 4 when the session file holds a token the server rejects")
        void rejectedToken() throws IOException {
            new Session(url, "not.a.jwt", "admin", "NC-0000-0000").save(home);

            Service.Run r = gm("", "whoami");

            assertThat(r.code()).as(r.toString()).isEqualTo(4);
            assertThat(r.err()).contains("gm login");
        }

        @Test
        @DisplayName("never sends the session's token to another URL")
        void otherUrl() {
            assertThat(gm(GM_PASSWORD + "\n", "login", GM_NAME, "--password-stdin")
                            .code())
                    .isZero();

            Service.Run r = Service.gm("http://localhost:" + APP.getLocalPort(), home, "", "whoami");

            assertThat(r.code()).isEqualTo(4);
            assertThat(r.err()).contains("the session is for " + url);
        }

        @Test
        @DisplayName("uses the URL of the last login when neither --url nor NEOBANK_URL is given")
        void rememberedUrl() {
            assertThat(gm(GM_PASSWORD + "\n", "login", GM_NAME, "--password-stdin")
                            .code())
                    .isZero();

            Service.Run r = Service.gmRaw(Map.of("NEOBANK_GM_HOME", home.toString()), "", "whoami", "--json");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.json().at("/account/character_name").asText()).isEqualTo("admin");
        }
    }

    @Nested
    @DisplayName("logout")
    class Logout {
        @Test
        @DisplayName("forgets the session, after which commands exit 4")
        void forgets() {
            assertThat(gm(GM_PASSWORD + "\n", "login", GM_NAME, "--password-stdin")
                            .code())
                    .isZero();

            Service.Run r = gm("", "logout");

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Logged out.");
            assertThat(home.resolve("session")).doesNotExist();
            assertThat(gm("", "whoami").code()).isEqualTo(4);
        }
    }

    @Nested
    @DisplayName("health and errors")
    class Health {
        @Test
        @DisplayName("health reports the service healthy without a login, in words and in JSON")
        void healthy() {
            Service.Run words = gm("", "health");
            Service.Run json = gm("", "health", "--json");

            assertThat(words.code()).isZero();
            assertThat(words.out()).contains("neobank at " + url + ": healthy");
            assertThat(json.json().get("status").asText()).isEqualTo("healthy");
        }

        @Test
        @DisplayName("a URL where nothing listens exits 3 with the reason on stderr")
        void unreachable() throws IOException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            Service.Run r = Service.gm("http://127.0.0.1:" + port, home, "", "health");

            assertThat(r.code()).isEqualTo(3);
            assertThat(r.err()).contains("cannot connect to http://127.0.0.1:" + port);
        }

        @Test
        @DisplayName(
                "an unknown command or a missing argument exits 2 with usage help on stderr; a group alone exits 0")
        void usage() {
            Service.Run unknown = gm("", "frobnicate");
            Service.Run missing = gm("", "users", "show");
            Service.Run group = gm("", "users");

            assertThat(unknown.code()).isEqualTo(2);
            assertThat(unknown.err()).contains("frobnicate");
            assertThat(missing.code()).isEqualTo(2);
            assertThat(missing.err()).contains("ACCT").contains("gm users show --help");
            assertThat(group.code())
                    .as("a group alone shows its subcommands, like --help")
                    .isZero();
            assertThat(group.out()).contains("search").contains("freeze");
        }

        @Test
        @DisplayName("--help lists every command group and exits 0")
        void help() {
            Service.Run r = gm("", "--help");

            assertThat(r.code()).isZero();
            assertThat(r.out())
                    .contains(
                            "login",
                            "logout",
                            "whoami",
                            "health",
                            "users",
                            "tx",
                            "keys",
                            "casino",
                            "factions",
                            "audit",
                            "economy",
                            "ledger",
                            "backup");
        }
    }
}
