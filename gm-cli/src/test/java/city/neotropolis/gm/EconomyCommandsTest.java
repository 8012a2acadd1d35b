package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("gm tx reverse (and the economy of issue 13) against the real service")
class EconomyCommandsTest {
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

    /** A GM grant to the player; its transaction id. */
    long grant(Service.Player p, String amount) {
        Service.Run r = gm("users", "adjust", p.accountNumber(), amount, "--reason", "oops", "--json");
        assertThat(r.code()).as(r.toString()).isZero();
        return r.json().at("/transaction/id").asLong();
    }

    @Nested
    @DisplayName("tx reverse")
    class Reverse {
        @Test
        @DisplayName("moves the amount back once, shows both rows linked, and lists the link afterwards")
        void reverses() {
            Service.Player p = Service.player(url, "Rev");
            long id = grant(p, "25");

            Service.Run table = gm("tx", "reverse", String.valueOf(id), "--reason", "granted twice");
            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out())
                    .contains("Transaction #" + id + " reversed")
                    .contains("reversal")
                    .contains("[reverses #" + id + "]")
                    .contains("[reversed by #");
            assertThat(Service.balance(url, p)).isEqualByComparingTo("1000");

            Service.Run list = gm("tx", "list", "--account", p.accountNumber());
            assertThat(list.out()).contains("[reversed by #").contains("Reversal of #" + id + ": granted twice");
        }

        @Test
        @DisplayName("--json prints the server's answer; a second reversal is refused on stderr with exit 1")
        void jsonAndRefusal() {
            Service.Player p = Service.player(url, "RevJson");
            long id = grant(p, "3");
            Service.Run json = gm("tx", "reverse", String.valueOf(id), "--reason", "typo", "--json");
            assertThat(json.code()).as(json.toString()).isZero();
            JsonNode reply = json.json();
            assertThat(reply.at("/reversal/reversal_of").asLong()).isEqualTo(id);
            assertThat(reply.at("/original/reversed_by").asLong())
                    .isEqualTo(reply.at("/reversal/id").asLong());

            Service.Run again = gm("tx", "reverse", String.valueOf(id), "--reason", "typo");
            assertThat(again.code()).isEqualTo(GmException.REFUSED);
            assertThat(again.err()).contains("already been reversed");
            assertThat(again.out()).isEmpty();

            Service.Run noReason = gm("tx", "reverse", String.valueOf(id));
            assertThat(noReason.code()).isEqualTo(GmException.USAGE);
            assertThat(noReason.err()).contains("--reason");
        }
    }

    @Nested
    @DisplayName("stipends")
    class Stipends {
        @Test
        @DisplayName("create, list, show, pause, resume, edit, run and delete; tables and --json")
        void lifecycle() {
            String day = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .plusDays(1)
                    .toString();
            Service.Run made = gm(
                    "stipends",
                    "create",
                    "--name",
                    "Crew pay",
                    "--amount",
                    "12.5",
                    "--faction",
                    "Glitch Kids",
                    "--daily",
                    "18:00",
                    "--from",
                    day,
                    "--until",
                    day,
                    "--catch-up",
                    "skip",
                    "--json");
            assertThat(made.code()).as(made.toString()).isZero();
            long id = made.json().at("/stipend/id").asLong();
            assertThat(made.json().at("/stipend/catch_up").asText()).isEqualTo("skip");

            Service.Run list = gm("stipends", "list");
            assertThat(list.out())
                    .contains("Crew pay", "12.5", "faction Glitch Kids", "daily 18:00 " + day + ".." + day);
            Service.Run show = gm("stipends", "show", String.valueOf(id));
            assertThat(show.out()).contains("#" + id + " Crew pay", "next " + day + "T18:00:00Z", "SLOT", "STATUS");

            assertThat(gm("stipends", "pause", String.valueOf(id)).out()).contains("paused");
            assertThat(gm("stipends", "show", String.valueOf(id)).out()).contains("PAUSED", "next none");
            assertThat(gm("stipends", "resume", String.valueOf(id)).out()).contains("resumed");

            Service.Player p = Service.player(url, "Stip");
            Service.Run edited = gm(
                    "stipends",
                    "edit",
                    String.valueOf(id),
                    "--name",
                    "Crew pay",
                    "--amount",
                    "3",
                    "--account",
                    p.accountNumber(),
                    "--once",
                    day + "T09:00Z");
            assertThat(edited.code()).as(edited.toString()).isZero();
            assertThat(edited.out()).contains("updated");
            assertThat(gm("stipends", "list", "--json").json().toString()).contains(p.accountNumber());

            Service.Run run = gm("stipends", "run");
            assertThat(run.code()).isZero();
            assertThat(run.out()).contains("slot(s) paid");
            assertThat(gm("stipends", "delete", String.valueOf(id)).out()).contains("deleted");
            Service.Run gone = gm("stipends", "show", String.valueOf(id));
            assertThat(gone.code()).isEqualTo(GmException.REFUSED);
            assertThat(gone.err()).contains("Stipend not found");
        }

        @Test
        @DisplayName("a definition the server refuses prints its reason on stderr and exits 1")
        void refused() {
            Service.Run noRecipients =
                    gm("stipends", "create", "--name", "X", "--amount", "5", "--once", "2099-01-01T10:00");
            assertThat(noRecipients.code()).isEqualTo(GmException.REFUSED);
            assertThat(noRecipients.err()).contains("recipients must be one of");
            Service.Run past =
                    gm("stipends", "create", "--name", "X", "--amount", "5", "--all", "--once", "2020-01-01T10:00Z");
            assertThat(past.code()).isEqualTo(GmException.REFUSED);
            assertThat(past.err()).contains("no payday after now");
        }
    }

    @Nested
    @DisplayName("leaderboards")
    class Leaderboards {
        @Test
        @DisplayName("show prints the three boards; open and close flip what players see")
        void openAndClose() {
            Service.Player a = Service.player(url, "Lead", "Chrome Saints");
            Service.Player b = Service.player(url, "Follow");
            // Signing up with a faction only asks to join; a GM confirms the membership.
            assertThat(gm("factions", "confirm", a.accountNumber()).code()).isZero();
            new Api(Api.newHttpClient(), url, Service.login(url, a.name(), Service.PLAYER_PASSWORD))
                    .post(
                            "/api/v1/transactions",
                            Api.object().put("to_account", b.accountNumber()).put("amount", 77));
            Service.Run show = gm("leaderboards", "show");
            assertThat(show.code()).as(show.toString()).isZero();
            assertThat(show.out())
                    .contains("Players cannot see the leaderboards.")
                    .contains("Biggest casino wins", "Faction totals", "Most generous senders")
                    .contains("Chrome Saints")
                    .contains(a.name());
            assertThat(gm("leaderboards", "open").out()).contains("Players can now see the leaderboards");
            assertThat(gm("leaderboards", "show", "--json")
                            .json()
                            .get("enabled")
                            .asBoolean())
                    .isTrue();
            String player = Service.login(url, b.name(), Service.PLAYER_PASSWORD);
            assertThat(new Api(Api.newHttpClient(), url, player)
                            .get("/api/v1/leaderboards")
                            .get("enabled")
                            .asBoolean())
                    .isTrue();
            assertThat(gm("leaderboards", "close").out()).contains("hidden from players");
            assertThat(new Api(Api.newHttpClient(), url, player)
                            .get("/api/v1/leaderboards")
                            .get("biggest_wins")
                            .isNull())
                    .isTrue();
        }
    }
}
