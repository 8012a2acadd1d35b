package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("gm tx, audit, economy, ledger, factions and backup against the real service")
class AdminCommandsTest {
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

    static List<JsonNode> jsonLines(String out) {
        return out.lines()
                .map(l -> {
                    try {
                        return Api.JSON.readTree(l);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + l, e);
                    }
                })
                .toList();
    }

    @Nested
    @DisplayName("tx")
    class Tx {
        @Test
        @DisplayName("list shows the newest transactions first, limited, optionally for one account")
        void list() {
            Service.Player p = Service.player(url, "Listed");
            Service.player(url, "Other");

            Service.Run all = gm("tx", "list", "--limit", "2", "--json");
            Service.Run mine = gm("tx", "list", "--account", p.accountNumber(), "--json");
            Service.Run table = gm("tx", "list", "--account", p.accountNumber());

            assertThat(all.code()).as(all.toString()).isZero();
            JsonNode rows = all.json().get("transactions");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).get("id").asLong())
                    .isGreaterThan(rows.get(1).get("id").asLong());
            assertThat(mine.json().get("transactions"))
                    .isNotEmpty()
                    .allSatisfy(tx -> assertThat(List.of(
                                    tx.get("from_account").asText(),
                                    tx.get("to_account").asText()))
                            .contains(p.accountNumber()));
            assertThat(table.out()).contains("ID", "TYPE", "AMOUNT").contains(p.accountNumber() + " " + p.name());
        }

        @Test
        @DisplayName("tail --after prints the later transactions oldest first, one JSON object per line")
        void tailAfter() {
            long before = gm("tx", "list", "--limit", "1", "--json")
                    .json()
                    .at("/transactions/0/id")
                    .asLong();
            Service.Player a = Service.player(url, "TailA");
            Service.Player b = Service.player(url, "TailB");

            Service.Run r = gm("tx", "tail", "--after", String.valueOf(before), "--count", "2", "--json");

            assertThat(r.code()).as(r.toString()).isZero();
            List<JsonNode> lines = jsonLines(r.out());
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0).get("to_account").asText()).isEqualTo(a.accountNumber());
            assertThat(lines.get(1).get("to_account").asText()).isEqualTo(b.accountNumber());
            assertThat(lines.get(0).get("id").asLong()).isGreaterThan(before);
        }

        @Test
        @DisplayName("tail follows a transaction made while it runs")
        void tailFollows() throws Exception {
            StringWriter out = new StringWriter();
            CompletableFuture<Void> following = new CompletableFuture<>();
            StringWriter err = new StringWriter() {
                @Override
                public void flush() {
                    if (toString().contains("Following transactions after")) {
                        following.complete(null); // tail knows where the journal ends: anything now is new
                    }
                }
            };
            CommandLine cl = GmConsole.commandLine(
                    new GmConsole(new Io(Map.of(), Io.lines(new ByteArrayInputStream(new byte[0])), p -> null, false)));
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            CompletableFuture<Integer> tail = CompletableFuture.supplyAsync(() -> cl.execute(
                    "--url",
                    url,
                    "--home",
                    home.toString(),
                    "tx",
                    "tail",
                    "--interval",
                    "50",
                    "--count",
                    "1",
                    "--max-polls",
                    "400"));
            following.get(20, TimeUnit.SECONDS);

            Service.Player p = Service.player(url, "Followed");

            assertThat(tail.get(30, TimeUnit.SECONDS)).isZero();
            assertThat(out.toString())
                    .contains(p.accountNumber() + " " + p.name())
                    .contains("genesis");
        }

        @Test
        @DisplayName("tail --max-polls ends quietly when nothing new happens")
        void tailIdle() {
            long newest = gm("tx", "list", "--limit", "1", "--json")
                    .json()
                    .at("/transactions/0/id")
                    .asLong();

            Service.Run r = gm("tx", "tail", "--after", String.valueOf(newest), "--max-polls", "1");

            assertThat(r.code()).isZero();
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).contains("Following transactions after #" + newest);
        }
    }

    @Nested
    @DisplayName("audit, economy, ledger")
    class Oversight {
        @Test
        @DisplayName("audit list shows GM actions newest first")
        void audit() {
            Service.Player p = Service.player(url, "Audited");
            assertThat(gm("users", "freeze", p.accountNumber(), "--reason", "cheating")
                            .code())
                    .isZero();

            Service.Run table = gm("audit", "list", "--limit", "5");
            Service.Run json = gm("audit", "list", "--limit", "1", "--json");

            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out())
                    .contains("ACTION", "TARGET")
                    .contains("freeze")
                    .contains(p.accountNumber());
            assertThat(json.json().get("logs")).hasSize(1);
            assertThat(json.json().at("/logs/0/action").asText()).isEqualTo("freeze");
            assertThat(json.json().at("/logs/0/admin").asText()).isEqualTo("admin");
        }

        @Test
        @DisplayName("economy stats prints key/value tables, and the server's JSON with --json")
        void stats() {
            Service.player(url, "Counted");

            Service.Run table = gm("economy", "stats");
            Service.Run json = gm("economy", "stats", "--json");

            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out())
                    .contains("KEY", "VALUE")
                    .containsPattern("money_supply +\\d")
                    .contains("top_balances:");
            assertThat(json.json().get("players").asLong()).isPositive();
            assertThat(json.json().get("money_supply").decimalValue()).isPositive();
        }

        @Test
        @DisplayName("ledger verify exits 0 on a sound ledger")
        void verify() {
            Service.Run table = gm("ledger", "verify");
            Service.Run json = gm("ledger", "verify", "--json");

            assertThat(table.code()).as(table.toString()).isZero();
            assertThat(table.out()).containsPattern("ok +yes");
            assertThat(json.json().get("ok").asBoolean()).isTrue();
        }
    }

    @Nested
    @DisplayName("factions")
    class Factions {
        @Test
        @DisplayName("create, confirm the members who asked, list with members and totals, and grant to every member")
        void grant() {
            assertThat(gm("factions", "create", "Chrome Saints", "--description", "street preachers")
                            .code())
                    .isZero();
            Service.Player a = Service.player(url, "Saint", "Chrome Saints");
            Service.Player b = Service.player(url, "Saint", "chrome saints");
            Service.Player c = Service.player(url, "Pretender", "Chrome Saints");
            Service.Run requests = gm("factions", "requests");
            assertThat(requests.out()).contains(a.accountNumber()).contains(c.accountNumber());
            assertThat(gm("factions", "confirm", a.accountNumber()).code()).isZero();
            Service.Run confirmed = gm("factions", "confirm", b.accountNumber(), "CHROME SAINTS");
            assertThat(confirmed.out()).contains("member of Chrome Saints");
            assertThat(gm("factions", "reject", c.accountNumber()).code()).isZero();
            assertThat(gm("factions", "reject", c.accountNumber()).code()).isEqualTo(1);

            Service.Run granted = gm("factions", "grant", "Chrome Saints", "25", "--reason", "festival");
            Service.Run list = gm("factions", "list");
            Service.Run json = gm("factions", "list", "--json");

            assertThat(granted.code()).as(granted.toString()).isZero();
            assertThat(granted.out()).contains("to each of the 2 members of");
            assertThat(Service.balance(url, a)).isEqualByComparingTo("1025");
            assertThat(Service.balance(url, b)).isEqualByComparingTo("1025");
            assertThat(Service.balance(url, c))
                    .as("asked, was turned down, gets nothing")
                    .isEqualByComparingTo("1000");
            assertThat(list.out()).containsPattern("Chrome Saints +2 +2050");
            assertThat(json.json().get("factions"))
                    .anySatisfy(f -> assertThat(f.get("faction").asText()).isEqualTo("Chrome Saints"));
        }

        @Test
        @DisplayName("grant without a reason exits 2 and moves nothing")
        void noReason() {
            Service.Player a = Service.player(url, "Reasonless", "Nobodies");

            Service.Run r = gm("factions", "grant", "Nobodies", "25");

            assertThat(r.code()).isEqualTo(2);
            assertThat(Service.balance(url, a)).isEqualByComparingTo("1000");
        }
    }

    @Nested
    @DisplayName("backup")
    class Backup {
        @Test
        @DisplayName("create, list and download a backup to a directory")
        void roundTrip() throws IOException {
            Service.Run created = gm("backup", "create", "--json");
            assertThat(created.code()).as(created.toString()).isEqualTo(0);
            String name = created.json().at("/backup/name").asText();
            long size = created.json().at("/backup/size_bytes").asLong();
            Path dir = Files.createTempDirectory("downloads").resolve("fresh");

            Service.Run list = gm("backup", "list");
            Service.Run download = gm("backup", "download", name, "--to", dir.toString());

            assertThat(list.out()).contains(name);
            assertThat(download.code()).as(download.toString()).isZero();
            assertThat(download.out()).contains("Saved " + dir.resolve(name));
            assertThat(Files.size(dir.resolve(name))).isEqualTo(size).isPositive();
            assertThat(dir.resolve(name + ".part")).doesNotExist();
        }

        @Test
        @DisplayName("an unknown backup exits 1 and leaves no file; a path as a name exits 2")
        void unknown() throws IOException {
            Path dir = Files.createTempDirectory("downloads");

            Service.Run unknown = gm("backup", "download", "neobank-nope.db", "--to", dir.toString());
            Service.Run path = gm("backup", "download", "../etc/passwd", "--to", dir.toString());

            assertThat(unknown.code()).isEqualTo(1);
            assertThat(unknown.err()).startsWith("gm: ");
            assertThat(path.code()).isEqualTo(2);
            try (var files = Files.list(dir)) {
                assertThat(files).isEmpty();
            }
        }
    }
}
