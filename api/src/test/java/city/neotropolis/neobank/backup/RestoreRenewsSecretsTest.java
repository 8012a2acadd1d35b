package city.neotropolis.neobank.backup;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The attack from issue 10: a player rotates after a backup and so learns the server seed the
 * backup holds; after the restore that seed must not be live, or they could search client seeds
 * offline for the top wins.
 */
@DisplayName("A restore renews the secrets the backup brought back")
class RestoreRenewsSecretsTest {

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite, through the restore command")
    class Sqlite {
        final DropwizardAppExtension<NeoBankConfiguration> app =
                TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

        @Test
        @DisplayName("a seed the player learned after the backup is not live; past spins still verify; old tokens die")
        void learnedSeedIsNotLive() throws Exception {
            Api api = TestApp.api(app);
            Api.Session gm = api.gm();
            Api.Session p = api.player("seedy");
            Api.Res spin = api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}");
            assertThat(spin.status()).as(spin.body()).isEqualTo(200);
            String backedUpHash = spin.json().get("server_seed_hash").asText();

            Api.Res b = api.post("/api/admin/backups", gm.token(), "");
            assertThat(b.status()).as(b.body()).isEqualTo(201);
            Path file = Path.of(app.getConfiguration().getBank().dataDir)
                    .resolve("backups")
                    .resolve(b.json().at("/backup/name").asText());

            // After the backup the player rotates and so learns the seed the backup holds.
            JsonNode rotated =
                    api.post("/api/v1/casino/fairness/rotate", p.token(), "").json();
            String learned = rotated.get("revealed_server_seed").asText();
            assertThat(ProvablyFair.hash(learned)).isEqualTo(backedUpHash);

            Path dir = TestApp.tempDir();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Optional<Throwable> failure = RestoreTest.restoreCommand(dir, file, out);
            String said = out.toString(StandardCharsets.UTF_8);
            assertThat(failure).as(said).isEmpty();
            assertThat(said).contains("renewed casino:").contains("renewed tokens:");

            DropwizardAppExtension<NeoBankConfiguration> restored = new DropwizardAppExtension<>(
                    NeoBankApplication.class,
                    ResourceHelpers.resourceFilePath("test-config.yml"),
                    ConfigOverride.config("database.url", RestoreTest.url(dir)),
                    ConfigOverride.config("bank.dataDir", dir.toString()),
                    ConfigOverride.config("rateLimits.enabled", "false"));
            restored.before();
            try {
                Api there = TestApp.api(restored);
                assertThat(there.get("/api/v1/account", p.token()).status())
                        .as("a token issued before the restore is retired")
                        .isEqualTo(401);
                Api.Session again = there.login(p.name(), "password1");
                JsonNode now =
                        there.get("/api/v1/casino/fairness", again.token()).json();
                assertThat(now.get("server_seed_hash").asText())
                        .isNotEqualTo(backedUpHash)
                        .isNotEqualTo(rotated.get("server_seed_hash").asText());
                assertThat(now.get("nonce").asLong()).isZero();

                Api.Res next = there.post("/api/v1/casino/glitch-grid/spin", again.token(), "{\"bet_amount\": 10}");
                assertThat(next.status()).as(next.body()).isEqualTo(200);
                assertThat(next.json().get("server_seed_hash").asText())
                        .isEqualTo(now.get("server_seed_hash").asText());
                assertThat(ProvablyFair.hash(learned))
                        .as("the learned seed does not commit to the next spin")
                        .isNotEqualTo(next.json().get("server_seed_hash").asText());

                JsonNode old = there.get(
                                "/api/v1/casino/spins/"
                                        + spin.json().get("spin_id").asLong(),
                                again.token())
                        .json();
                assertThat(old.get("server_seed").asText())
                        .as("the spin made before the backup still verifies")
                        .isEqualTo(learned);
                assertThat(old.get("verified").asBoolean()).isTrue();
                assertThat(there.get("/api/admin/ledger/verify", there.gm().token())
                                .json()
                                .get("ok")
                                .asBoolean())
                        .isTrue();
            } finally {
                restored.after();
            }
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL, through renew-secrets (after pg_restore)")
    class OnPostgres {
        final DropwizardAppExtension<NeoBankConfiguration> app =
                TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));

        @Test
        @DisplayName("every current seed is revealed and replaced, and every token retired")
        void renews() throws Exception {
            Api api = TestApp.api(app);
            Api.Session p = api.player("pgseed");
            String before = api.get("/api/v1/casino/fairness", p.token())
                    .json()
                    .get("server_seed_hash")
                    .asText();
            DataSourceFactory f = app.getConfiguration().getDatabase();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RenewSecretsCommand.renew(
                    f,
                    NeoBankApplication.SECRET_RENEWALS,
                    System.currentTimeMillis(),
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Renewed casino:");
            try (Connection c = DriverManager.getConnection(f.getUrl(), f.getUser(), f.getPassword());
                    ResultSet rs = c.createStatement()
                            .executeQuery("SELECT COUNT(*) FROM casino_revealed_seeds WHERE server_seed_hash = '"
                                    + before + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the old seed is revealed").isEqualTo(1);
            }
            // The principal cache may hold the old token version for a moment: poll with a deadline.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (api.get("/api/v1/account", p.token()).status() != 401 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(api.get("/api/v1/account", p.token()).status()).isEqualTo(401);
            Api.Session again = api.login(p.name(), "password1");
            JsonNode now = api.get("/api/v1/casino/fairness", again.token()).json();
            assertThat(now.get("server_seed_hash").asText()).isNotEqualTo(before);
            assertThat(now.get("nonce").asLong()).isZero();
        }
    }
}
