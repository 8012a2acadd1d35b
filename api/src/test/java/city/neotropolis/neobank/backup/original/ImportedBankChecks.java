package city.neotropolis.neobank.backup.original;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.backup.original.OriginalFixture.Player;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.hash.Hashing;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The story of issue 14, the same on every database: the original's database (built by the test)
 * is imported with the real command, then the real service starts on the result and every player,
 * GM and terminal finds what they had. Subclasses say where the original and the target live.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ImportedBankChecks {
    /** Builds the original's database and returns SOURCE as the command takes it. */
    abstract String buildOriginal() throws Exception;

    /** The target database settings, as config overrides (database.url, and database.user where needed). */
    abstract Map<String, String> target();

    /** SOURCE and the options that go with it, after {@code first}. */
    String[] sourceArgs(String... first) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 1);
        all[first.length] = source;
        return all;
    }

    /** A JDBC connection to the target, for counting rows behind the service's back. */
    abstract Connection targetConnection() throws SQLException;

    void cleanUp() throws Exception {}

    String dataDir = TestApp.tempDir().toString();
    String source;
    String dryRunOutput;
    long accountsAfterDryRun;
    String output;
    DropwizardAppExtension<NeoBankConfiguration> app;
    Api api;

    @BeforeAll
    void importAndStart() throws Exception {
        source = buildOriginal();
        Run dry = command(sourceArgs("--dry-run"));
        assertThat(dry.failure()).as(dry.output()).isEmpty();
        dryRunOutput = dry.output();
        accountsAfterDryRun = count("accounts");
        Run real = command(sourceArgs());
        assertThat(real.failure()).as(real.output()).isEmpty();
        output = real.output();
        List<ConfigOverride> overrides = new ArrayList<>();
        overrides.add(ConfigOverride.config("bank.dataDir", dataDir));
        overrides.add(ConfigOverride.config("rateLimits.enabled", "false"));
        target().forEach((k, v) -> overrides.add(ConfigOverride.config(k, v)));
        app = new DropwizardAppExtension<>(
                NeoBankApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                overrides.toArray(ConfigOverride[]::new));
        app.before();
        api = TestApp.api(app);
    }

    @AfterAll
    void stop() throws Exception {
        if (app != null) {
            app.after();
        }
        cleanUp();
    }

    record Run(Optional<Throwable> failure, String output) {}

    /** {@code neobank.jar import-original test-config.yml ARGS} through Dropwizard's own command line. */
    Run command(String... args) throws Exception {
        Map<String, String> props = new HashMap<>(target());
        props.put("bank.dataDir", dataDir);
        Map<String, String> saved = new HashMap<>();
        props.forEach((k, v) -> {
            saved.put("dw." + k, System.getProperty("dw." + k));
            System.setProperty("dw." + k, v);
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (PrintStream capture = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            NeoBankApplication application = new NeoBankApplication();
            Bootstrap<NeoBankConfiguration> bootstrap = new Bootstrap<>(application);
            application.initialize(bootstrap);
            String[] all = new String[args.length + 2];
            all[0] = "import-original";
            all[1] = ResourceHelpers.resourceFilePath("test-config.yml");
            System.arraycopy(args, 0, all, 2, args.length);
            Optional<Throwable> failure =
                    new Cli(new JarLocation(ImportedBankChecks.class), bootstrap, capture, capture).run(all);
            return new Run(failure, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            saved.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }

    long count(String table) throws SQLException {
        try (Connection c = targetConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    Api.Session login(Player p) {
        return api.login(p.name(), p.password());
    }

    @Test
    @Order(1)
    @DisplayName("a dry run prints the report and writes nothing")
    void dryRun() {
        assertThat(dryRunOutput).contains("DRY RUN").contains("Ledger verify: ok");
        assertThat(accountsAfterDryRun).isZero();
        assertThat(output).contains("Import done.").doesNotContain("DRY RUN");
    }

    @Test
    @Order(2)
    @DisplayName("every player logs in with the old password and sees the same character and balance")
    void playersLogIn() {
        for (Player p : OriginalFixture.PLAYERS) {
            Api.Session s = login(p);
            JsonNode user = api.get("/api/v1/account", s.token()).json().get("account");
            assertThat(user.get("character_name").asText()).isEqualTo(p.name());
            assertThat(user.get("account_number").asText()).isEqualTo(p.number());
            assertThat(user.get("faction").asText()).isEqualTo(p.faction() == null ? "" : p.faction());
            assertThat(user.get("profile_picture").asText()).isEqualTo(p.picture() == null ? "" : p.picture());
            assertThat(user.get("is_admin").asBoolean()).isEqualTo(p.admin());
            assertThat(user.get("free_spins").asInt()).isEqualTo(p.freeSpins());
            assertThat(user.get("created_at").asText()).startsWith("2026-05-01T18:30:");
            assertThat(api.balance(s)).as(p.name()).isEqualTo(p.expectedHundredths());
        }
        assertThat(api.post(
                                "/api/v1/auth/login",
                                null,
                                "{\"character_name\":\"SYSTEM\",\"password\":\"nobody-logs-in-here\"}")
                        .status())
                .as("the original's SYSTEM row is our mint and never a login")
                .isEqualTo(401);
        assertThat(api.post(
                                "/api/v1/auth/login",
                                null,
                                "{\"character_name\":" + q(OriginalFixture.ZOE.name())
                                        + ",\"password\":\"wrong-password\"}")
                        .status())
                .isEqualTo(401);
    }

    @Test
    @Order(3)
    @DisplayName("history comes over with the original's ids, times, memos and types, plus one adjustment")
    void history() {
        Api.Session rook = login(OriginalFixture.ROOK);
        JsonNode txs = api.get("/api/v1/account/transactions?limit=50", rook.token())
                .json()
                .get("transactions");
        List<String> rows = StreamSupport.stream(txs.spliterator(), false)
                .map(t -> t.get("id").asLong() + "|" + t.get("type").asText() + "|"
                        + t.get("amount").decimalValue() + "|" + t.get("memo").asText())
                .toList();
        assertThat(rows)
                .startsWith("14|import_adjustment|250.55|Balance carried over: shown 1000.3, history 749.75")
                .contains(
                        "9|transfer|250.55|Noodles 🍜 & <b>neon</b>",
                        "8|transfer|0.2|",
                        "7|transfer|0.1|",
                        "3|admin_adjustment|1000|Welcome to Neotropolis");
        JsonNode first = txs.get(txs.size() - 1);
        assertThat(first.get("timestamp").asText())
                .isEqualTo(java.time.Instant.ofEpochMilli(OriginalFixture.txMillis(3))
                        .toString());
        assertThat(first.get("from_account").asText()).isEqualTo("NC-SYST-EM00");
    }

    @Test
    @Order(4)
    @DisplayName("the report lists exactly the planted discrepancies, each rounding and each change")
    void report() {
        assertThat(output)
                .contains("users: 7 read -> 5 characters (1 GMs), the mint and the house")
                .contains("transactions: 12 read -> 12 imported, 0 not imported, 2 import_adjustment rows added")
                .contains("api_keys: 2 read -> 2 imported")
                .contains("audit_logs: 3 read -> 3 imported");
        String discrepancies = section("Discrepancies");
        assertThat(discrepancies.lines().filter(l -> l.startsWith("  NC-")).toList())
                .containsExactly(
                        "  NC-ZOEA-0002 'Zoë Ångström': last shown 1479.71, history adds up to 979.71 -> "
                                + "import_adjustment +500 (journal row #13)",
                        "  NC-ROOK-0003 'Rook': last shown 1000.3, history adds up to 749.75 -> "
                                + "import_adjustment +250.55 (journal row #14)");
        assertThat(section("Roundings")).contains("balance of NC-ROOK-0003 'Rook': 1000.3000000000001 -> 1000.3");
        assertThat(section("Changes"))
                .contains("glitch_grid payout 271.5 % -> 120 %")
                .contains("starlight_smuggler payout 131 % -> 120 %")
                .contains("'Kai 🐉' keeps 3 free spins, paid at 5 per line")
                .contains("5 password hashes written by Python's bcrypt");
        assertThat(output).contains("after (minus the mint's balance): ");
        assertThat(output).containsPattern("Ledger verify: ok: 7 accounts, 14 transactions");
    }

    String section(String title) {
        int start = output.indexOf("\n" + title);
        int end = output.indexOf("\n\n", start + 1);
        return output.substring(start, end < 0 ? output.length() : end);
    }

    @Test
    @Order(5)
    @DisplayName("the books verify over HTTP, the GM keeps the rights, the audit log and casino switches came over")
    void verifyAuditCasino() {
        Api.Session gm = login(OriginalFixture.GM);
        JsonNode verify = api.get("/api/admin/ledger/verify", gm.token()).json();
        assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
        JsonNode logs =
                api.get("/api/admin/audit-logs?limit=50", gm.token()).json().get("logs");
        assertThat(logs.toString())
                .contains("BALANCE_ADJUSTMENT")
                .contains(OriginalFixture.KAI.number())
                .contains("FACTION_CREDITS")
                .contains("IMPORT_ORIGINAL");
        JsonNode games = api.get("/api/admin/casino/config", gm.token()).json().get("games");
        for (JsonNode g : games) {
            boolean glitch = g.get("game_name").asText().equals("glitch_grid");
            assertThat(g.get("is_enabled").asBoolean()).isEqualTo(glitch);
            assertThat(g.get("payout_percentage").asInt()).isEqualTo(120);
        }
    }

    @Test
    @Order(6)
    @DisplayName("an old terminal key charges a player; the inactive one is refused; only hashes are stored")
    void terminalKeys() throws Exception {
        Api.Session kai = login(OriginalFixture.KAI);
        long before = api.balance(kai);
        Api.Res charge = api.post(
                "/api/v1/external/transactions",
                null,
                "{\"from_account\":\"" + OriginalFixture.KAI.number() + "\",\"to_account\":\""
                        + OriginalFixture.VENDOR.number() + "\",\"amount\":5,\"memo\":\"Ramen\"}",
                "X-API-Key",
                OriginalFixture.ACTIVE_KEY);
        assertThat(charge.status()).as(charge.body()).isEqualTo(201);
        assertThat(api.balance(kai)).isEqualTo(before - 500);
        Api.Res inBody = api.post(
                "/api/v1/external/transactions",
                null,
                "{\"api_key\":\"" + OriginalFixture.ACTIVE_KEY + "\",\"from_account\":\"" + OriginalFixture.KAI.number()
                        + "\",\"to_account\":\"" + OriginalFixture.VENDOR.number() + "\",\"amount\":1.25}");
        assertThat(inBody.status())
                .as("the original's terminals may send the key in the body")
                .isEqualTo(201);
        Api.Res read = api.send(api.builder(
                "/api/v1/external/account/" + OriginalFixture.KAI.number() + "/balance",
                null,
                "X-API-Key",
                OriginalFixture.ACTIVE_KEY));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("balance").decimalValue().movePointRight(2).longValueExact())
                .isEqualTo(before - 625);
        Api.Res refused = api.send(api.builder(
                "/api/v1/external/account/" + OriginalFixture.KAI.number() + "/balance",
                null,
                "X-API-Key",
                OriginalFixture.INACTIVE_KEY));
        assertThat(refused.status()).isEqualTo(401);
        try (Connection c = targetConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key_hash, key_prefix, is_active FROM api_keys ORDER BY id")) {
            List<String> keys = new ArrayList<>();
            while (rs.next()) {
                keys.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3));
            }
            assertThat(keys)
                    .containsExactly(
                            sha256(OriginalFixture.ACTIVE_KEY) + "|" + OriginalFixture.ACTIVE_KEY.substring(0, 8)
                                    + "|true",
                            sha256(OriginalFixture.INACTIVE_KEY) + "|" + OriginalFixture.INACTIVE_KEY.substring(0, 8)
                                    + "|false");
        }
        Api.Session gm = login(OriginalFixture.GM);
        assertThat(api.get("/api/admin/ledger/verify", gm.token())
                        .json()
                        .get("ok")
                        .asBoolean())
                .isTrue();
    }

    static String sha256(String key) {
        return Hashing.sha256().hashString(key, StandardCharsets.US_ASCII).toString();
    }

    @Test
    @Order(7)
    @DisplayName("imported players play on: a spin gets a fresh provably-fair seed the normal way")
    void spins() {
        Api.Session rook = login(OriginalFixture.ROOK);
        Api.Res spin = api.post("/api/v1/casino/glitch-grid/spin", rook.token(), "{\"bet_amount\":10}");
        assertThat(spin.status()).as(spin.body()).isEqualTo(200);
    }

    @Test
    @Order(8)
    @DisplayName("a second import into the same database is refused and changes nothing")
    void secondImport() throws Exception {
        long accounts = count("accounts");
        long txs = count("transactions");
        long audit = count("audit_log");
        Run again = command(sourceArgs());
        assertThat(again.failure()).isPresent();
        assertThat(again.output()).containsPattern(secondImportRefusal());
        assertThat(count("accounts")).isEqualTo(accounts);
        assertThat(count("transactions")).isEqualTo(txs);
        assertThat(count("audit_log")).isEqualTo(audit);
    }

    /** What the second import is refused with while the service runs on the target. */
    abstract String secondImportRefusal();

    /** Keeps the JDBC URL in test output free of anything but the database name. */
    static Map<String, String> overrides(String url, String user) {
        Map<String, String> m = new HashMap<>();
        m.put("database.url", url);
        if (user != null) {
            m.put("database.user", user);
        }
        return m;
    }

    static Connection connect(String url, String user) throws SQLException {
        return user == null ? DriverManager.getConnection(url) : DriverManager.getConnection(url, user, "");
    }
}
