package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("gm users ... against the real service")
class UsersCommandTest {
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

    Service.Run gmWithStdin(String stdin, String... args) {
        return Service.gm(url, home, stdin, args);
    }

    @Nested
    @DisplayName("search and show")
    class SearchAndShow {
        @Test
        @DisplayName("search lists matching characters as a table and as JSON")
        void search() {
            Service.Player a = Service.player(url, "Searchable");
            Service.Player b = Service.player(url, "Searchable");

            Service.Run table = gm("users", "search", "Searchable");
            Service.Run json = gm("users", "search", "Searchable", "--json");

            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out())
                    .contains("ACCOUNT", "NAME", "BALANCE")
                    .contains(a.name(), a.accountNumber(), b.name(), b.accountNumber());
            assertThat(json.json().get("users"))
                    .extracting(u -> u.get("character_name").asText())
                    .contains(a.name(), b.name());
        }

        @Test
        @DisplayName("show gives one account with its totals; an unknown one exits 1 with the server's error")
        void show() {
            Service.Player p = Service.player(url, "Shown");

            Service.Run table = gm("users", "show", p.accountNumber());
            Service.Run json = gm("--json", "users", "show", p.accountNumber());
            Service.Run unknown = gm("users", "show", "NC-NOPE-0000");

            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out())
                    .contains(p.name())
                    .containsPattern("balance +1000")
                    .contains("total_sent", "total_received");
            assertThat(json.json().at("/user/account_number").asText()).isEqualTo(p.accountNumber());
            assertThat(unknown.code()).isEqualTo(1);
            assertThat(unknown.err()).contains("User not found");
            assertThat(unknown.out()).isEmpty();
        }
    }

    @Nested
    @DisplayName("create")
    class Create {
        @Test
        @DisplayName("creates a character with a password from stdin, a faction and a balance")
        void creates() {
            Service.Run r = gmWithStdin(
                    "vendor-pass-1\n",
                    "users",
                    "create",
                    "Noodle Stall",
                    "--password-stdin",
                    "--faction",
                    "Vendors",
                    "--balance",
                    "250",
                    "--json");

            assertThat(r.code()).as(r.toString()).isZero();
            JsonNode user = r.json().get("user");
            assertThat(user.get("faction").asText()).isEqualTo("Vendors");
            assertThat(user.get("balance").decimalValue()).isEqualByComparingTo("250");
            String token = Service.login(url, "Noodle Stall", "vendor-pass-1");
            assertThat(Service.account(url, token).get("account_number").asText())
                    .isEqualTo(user.get("account_number").asText());
        }

        @Test
        @DisplayName("without --password-stdin creates a character nobody can log in as (an NPC)")
        void npc() {
            Service.Run r = gm("users", "create", "Street Preacher");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.out()).startsWith("Created Street Preacher (NC-").contains("with balance");
            assertThat(gm("users", "search", "Street Preacher").out()).contains("Street Preacher");
        }

        @Test
        @DisplayName("a taken name exits 1 and says why")
        void duplicate() {
            Service.Player p = Service.player(url, "Taken");

            Service.Run r = gm("users", "create", p.name());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("gm: ").isNotBlank();
        }
    }

    @Nested
    @DisplayName("adjust")
    class Adjust {
        @Test
        @DisplayName("mints and burns credits with a reason, showing the journal row")
        void mintsAndBurns() {
            Service.Player p = Service.player(url, "Adjusted");

            Service.Run mint = gm("users", "adjust", p.accountNumber(), "50", "--reason", "quest reward");
            Service.Run burn = gm("users", "adjust", p.accountNumber(), "-12.5", "--reason", "fine", "--json");

            assertThat(mint.code()).as(mint.toString()).isZero();
            assertThat(mint.out()).contains("admin_adjustment").contains("50");
            assertThat(burn.code()).as(burn.toString()).isZero();
            assertThat(burn.json().at("/transaction/amount").decimalValue()).isEqualByComparingTo("12.5");
            assertThat(Service.balance(url, p)).isEqualByComparingTo("1037.5");
        }

        @Test
        @DisplayName("without a reason or with a non-number exits 2 and moves nothing")
        void usage() {
            Service.Player p = Service.player(url, "Unadjusted");

            Service.Run noReason = gm("users", "adjust", p.accountNumber(), "50");
            Service.Run notANumber = gm("users", "adjust", p.accountNumber(), "lots", "--reason", "x");

            assertThat(noReason.code()).isEqualTo(2);
            assertThat(noReason.err()).contains("--reason");
            assertThat(notANumber.code()).isEqualTo(2);
            assertThat(notANumber.err()).contains("lots");
            assertThat(Service.balance(url, p)).isEqualByComparingTo("1000");
        }

        @Test
        @DisplayName("a refused amount exits 1 with the server's error and moves nothing")
        void refused() {
            Service.Player p = Service.player(url, "Overdrawn");

            Service.Run r = gm("users", "adjust", p.accountNumber(), "-5000", "--reason", "too much");
            Service.Run tooPrecise = gm("users", "adjust", p.accountNumber(), "1.001", "--reason", "x");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).startsWith("gm: ");
            assertThat(tooPrecise.code()).isEqualTo(1);
            assertThat(Service.balance(url, p)).isEqualByComparingTo("1000");
        }
    }

    @Nested
    @DisplayName("freeze, unfreeze, reset-password")
    class AccountCare {
        @Test
        @DisplayName("a frozen character cannot log in until unfrozen")
        void freeze() {
            Service.Player p = Service.player(url, "Frozen");

            Service.Run frozen = gm("users", "freeze", p.accountNumber());

            assertThat(frozen.code()).as(frozen.toString()).isZero();
            assertThat(frozen.out()).contains("frozen").containsPattern(p.name() + ".* yes *$|" + p.name() + ".*yes");
            assertThatThrownBy(() -> Service.login(url, p.name(), Service.PLAYER_PASSWORD))
                    .isInstanceOf(GmException.class)
                    .hasMessageContaining("frozen");

            Service.Run thawed = gm("users", "unfreeze", p.accountNumber(), "--json");

            assertThat(thawed.code()).isZero();
            assertThat(thawed.json().at("/user/is_frozen").asBoolean()).isFalse();
            assertThat(Service.login(url, p.name(), Service.PLAYER_PASSWORD)).isNotBlank();
        }

        @Test
        @DisplayName("reset-password takes the new password from stdin; the old one stops working")
        void resetPassword() {
            Service.Player p = Service.player(url, "Forgetful");

            Service.Run r =
                    gmWithStdin("brand-new-pass\n", "users", "reset-password", p.accountNumber(), "--password-stdin");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(Service.login(url, p.name(), "brand-new-pass")).isNotBlank();
            assertThatThrownBy(() -> Service.login(url, p.name(), Service.PLAYER_PASSWORD))
                    .isInstanceOf(GmException.class);
        }
    }

    @Nested
    @DisplayName("promote and demote")
    class Roles {
        @Test
        @DisplayName("are safe to repeat: promoting a GM leaves them a GM")
        void idempotent() {
            Service.Player p = Service.player(url, "Rising");

            Service.Run first = gm("users", "promote", p.accountNumber());
            Service.Run again = gm("users", "promote", p.accountNumber(), "--json");

            assertThat(first.code()).as(first.toString()).isZero();
            assertThat(first.out()).contains("is now a GM");
            assertThat(again.code()).isZero();
            assertThat(again.json().get("message").asText()).contains("already a GM");
            assertThat(again.json().at("/user/is_admin").asBoolean()).isTrue();

            Service.Run down = gm("users", "demote", p.accountNumber());
            Service.Run downAgain = gm("users", "demote", p.accountNumber());

            assertThat(down.out()).contains("no longer a GM");
            assertThat(downAgain.out()).contains("is not a GM");
            assertThat(gm("--json", "users", "show", p.accountNumber())
                            .json()
                            .at("/user/is_admin")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Nested
    @DisplayName("import and export")
    class ImportExport {
        @Test
        @DisplayName("import reports each row; a bad row makes the exit code 1, good rows are still created")
        void importCsv() throws IOException {
            Path csv = Files.createTempFile("characters", ".csv");
            Files.writeString(
                    csv,
                    "character_name,password,faction,balance\n"
                            + "Imported One,password-one,Kings,10\n"
                            + "Imported Two,password-two,,\n"
                            + "X,short,,\n");

            Service.Run r = gm("users", "import", csv.toString());

            assertThat(r.code()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).contains("Imported One", "Imported Two").contains("2 created, 1 failed.");
            assertThat(Service.login(url, "Imported One", "password-one")).isNotBlank();
        }

        @Test
        @DisplayName("import of good rows only exits 0; --json gives the server's report")
        void importClean() throws IOException {
            Path csv = Files.createTempFile("characters", ".csv");
            Files.writeString(csv, "character_name,password,faction,balance\nClean Import,password-three,,5\n");

            Service.Run r = gm("users", "import", csv.toString(), "--json");

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(r.json().get("created").asInt()).isEqualTo(1);
            assertThat(r.json().at("/rows/0/ok").asBoolean()).isTrue();
        }

        @Test
        @DisplayName("an export, edited, imports back: same header, its extra columns ignored")
        void roundTrip() throws IOException {
            gm("factions", "create", "Kings");
            Service.Player p = Service.player(url, "Roundtrip", "Kings");
            assertThat(gm("factions", "confirm", p.accountNumber()).code()).isZero();
            Path file = Files.createTempDirectory("roundtrip").resolve("users.csv");
            assertThat(gm("users", "export", file.toString()).code()).isZero();
            List<String> lines = Files.readAllLines(file);
            String row = lines.stream()
                    .filter(l -> l.contains(p.accountNumber()))
                    .findFirst()
                    .orElseThrow();
            String twin = p.name() + " Twin";
            // The GM copies the row for a new character and changes the name and the balance.
            String edited = row.replace(p.name(), twin).replace(",1000,", ",250,");
            Files.write(file, List.of(lines.get(0), row, edited));

            Service.Run r = gm("users", "import", file.toString(), "--json");

            assertThat(r.code()).as("the unchanged row is refused: %s", r).isEqualTo(1);
            assertThat(r.json().get("created").asInt()).isEqualTo(1);
            assertThat(r.json().at("/rows/0/error").asText()).contains("already taken");
            assertThat(r.json().at("/rows/1/ok").asBoolean()).as(r.toString()).isTrue();
            JsonNode created = gm("users", "search", twin, "--json").json().at("/users/0");
            assertThat(created.get("character_name").asText()).isEqualTo(twin);
            assertThat(created.get("faction").asText()).isEqualTo("Kings");
            assertThat(created.get("balance").decimalValue()).isEqualByComparingTo("250");
        }

        @Test
        @DisplayName("a header with a column nobody knows is refused, and nothing is created")
        void unknownColumn() throws IOException {
            Path csv = Files.createTempFile("characters", ".csv");
            Files.writeString(csv, "character_name,pasword\nNever Made,password-x\n");

            Service.Run r = gm("users", "import", csv.toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("Unknown column 'pasword'");
            assertThat(gm("users", "search", "Never Made", "--json").json().get("users"))
                    .isEmpty();
        }

        @Test
        @DisplayName("a missing file exits 2 before anything is sent")
        void missingFile() {
            Service.Run r = gm("users", "import", "/no/such/file.csv");

            assertThat(r.code()).isEqualTo(2);
            assertThat(r.err()).contains("/no/such/file.csv");
        }

        @Test
        @DisplayName("export writes every character as CSV to a file, or to stdout with '-'")
        void export() throws IOException {
            Service.Player p = Service.player(url, "Exported");
            Path file = Files.createTempDirectory("export").resolve("users.csv");

            Service.Run toFile = gm("users", "export", file.toString());
            Service.Run toStdout = gm("users", "export", "-");

            assertThat(toFile.code()).as(toFile.toString()).isZero();
            String csv = Files.readString(file);
            assertThat(csv).startsWith("Character Name,Account Number,Balance").contains(p.name(), p.accountNumber());
            assertThat(toStdout.out()).isEqualTo(csv);
            assertThat(new BigDecimal(csv.lines()
                            .filter(l -> l.contains(p.accountNumber()))
                            .findFirst()
                            .orElseThrow()
                            .split(",")[2]))
                    .isEqualByComparingTo("1000");
        }
    }
}
