package city.neotropolis.neobank.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.S3Server;
import city.neotropolis.neobank.support.Scrape;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Off-site copies against a real S3-compatible server (s3proxy in its own process). The service
 * starts while the store is down, so the story begins with a failed upload and its retry.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("Off-site backups in S3-compatible storage")
class OffsiteBackupTest {
    static final int PORT = S3Server.freePort();
    static final String BUCKET = "neobank-offsite";
    static final String PREFIX = "event/";
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
            ConfigOverride.config("backups.offsite.endpoint", "http://127.0.0.1:" + PORT),
            ConfigOverride.config("backups.offsite.bucket", BUCKET),
            ConfigOverride.config("backups.offsite.prefix", PREFIX),
            ConfigOverride.config("backups.offsite.accessKeyId", S3Server.IDENTITY),
            ConfigOverride.config("backups.offsite.secretAccessKey", S3Server.CREDENTIAL),
            ConfigOverride.config("backups.offsite.retryEvery", "300ms"));

    static S3Server server;
    static S3Client s3;
    static Api api;
    static Api.Session gm;
    static String firstBackup;

    @BeforeAll
    static void setUp() {
        api = TestApp.api(APP);
        gm = api.gm();
        s3 = OffsiteStore.client(APP.getConfiguration().getBackups().offsite);
    }

    @AfterAll
    static void tearDown() {
        s3.close();
        if (server != null) {
            server.close();
        }
    }

    static void eventually(String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30 s for: " + what).isBefore(deadline);
            java.util.concurrent.locks.LockSupport.parkNanos(
                    Duration.ofMillis(50).toNanos());
        }
    }

    static JsonNode health() {
        Api admin = new Api("http://127.0.0.1:" + APP.getAdminPort());
        try {
            return new ObjectMapper().readTree(admin.get("/healthcheck", null).body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> keys() {
        return s3.listObjectsV2(r -> r.bucket(BUCKET).prefix(PREFIX)).contents().stream()
                .map(o -> o.key())
                .toList();
    }

    static String takeBackup() {
        Api.Res r = api.post("/api/admin/backups", gm.token(), "");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/backup/name").asText();
    }

    @Test
    @Order(1)
    @DisplayName("a failed upload keeps the local backup, shows in health and metrics, and is retried until it lands")
    void failedUploadIsRetried() {
        double failuresBefore = Scrape.of(APP.getAdminPort()).value("neobank_backup_offsite_failures_total");
        firstBackup = takeBackup();
        Path local = Path.of(APP.getConfiguration().getBank().dataDir)
                .resolve("backups")
                .resolve(firstBackup);
        assertThat(local).isRegularFile();

        eventually(
                "the failed upload to show",
                () -> health().at("/offsite-backups/healthy").asBoolean(true) == false);
        assertThat(health().at("/offsite-backups/message").asText()).contains("not yet off-site");
        Scrape down = Scrape.of(APP.getAdminPort());
        assertThat(down.value("neobank_backup_offsite_pending")).isGreaterThanOrEqualTo(1.0);
        assertThat(down.value("neobank_backup_offsite_failures_total")).isGreaterThan(failuresBefore);
        assertThat(local).isRegularFile();

        server = S3Server.start(PORT);
        s3.createBucket(r -> r.bucket(BUCKET));
        eventually("the retry to upload it", () -> keys().contains(PREFIX + firstBackup));
        eventually(
                "health to clear", () -> health().at("/offsite-backups/healthy").asBoolean(false));
        Scrape up = Scrape.of(APP.getAdminPort());
        assertThat(up.value("neobank_backup_offsite_pending")).isEqualTo(0.0);
        assertThat(up.value("neobank_backup_offsite_last_success_timestamp_seconds"))
                .isPositive();
        assertThat(local).isRegularFile();
    }

    @Test
    @Order(2)
    @DisplayName("each new backup is uploaded, and retention deletes old backups in the bucket but nothing else")
    void retentionThere() {
        s3.putObject(r -> r.bucket(BUCKET).key(PREFIX + "neobank-20000101-000000.db"), RequestBody.fromString("old"));
        s3.putObject(r -> r.bucket(BUCKET).key(PREFIX + "notes.txt"), RequestBody.fromString("not a backup"));
        String second = takeBackup();
        eventually("the new backup to be uploaded", () -> keys().contains(PREFIX + second));
        eventually("the old one to be deleted", () -> !keys().contains(PREFIX + "neobank-20000101-000000.db"));
        assertThat(keys()).contains(PREFIX + "notes.txt", PREFIX + firstBackup);
        byte[] there =
                s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(PREFIX + second)).asByteArray();
        assertThat(there).isEqualTo(readLocal(second));
    }

    @Test
    @Order(3)
    @DisplayName("restore takes an s3:// object as well as a file, checked the same way")
    void restoreFromBucket() throws Exception {
        Path scratch = TestApp.tempDir();
        String url = "jdbc:sqlite:" + scratch.resolve("neobank.db");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OffsiteConfig store = APP.getConfiguration().getBackups().offsite;
        RestoreCommand.restoreObject(
                url,
                store,
                "s3://" + BUCKET + "/" + PREFIX + firstBackup,
                NeoBankApplication.SECRET_RENEWALS,
                Clock.systemUTC(),
                new PrintStream(out));
        assertThat(out.toString()).contains("integrity ok; ledger ok");
        assertThat(BackupCheck.check(scratch.resolve("neobank.db")).ok()).isTrue();
        try (var files = Files.list(scratch)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".download-"));
        }

        Path other = TestApp.tempDir();
        String otherUrl = "jdbc:sqlite:" + other.resolve("neobank.db");
        assertThatThrownBy(() -> RestoreCommand.restoreObject(
                        otherUrl,
                        store,
                        "s3://" + BUCKET + "/" + PREFIX + "notes.txt",
                        NeoBankApplication.SECRET_RENEWALS,
                        Clock.systemUTC(),
                        new PrintStream(out)))
                .hasMessageContaining("Refusing to restore");
        assertThatThrownBy(() -> RestoreCommand.restoreObject(
                        otherUrl,
                        store,
                        "s3://" + BUCKET + "/" + PREFIX + "missing.db",
                        NeoBankApplication.SECRET_RENEWALS,
                        Clock.systemUTC(),
                        new PrintStream(out)))
                .hasMessageContaining("Could not download")
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> RestoreCommand.restoreObject(
                        otherUrl,
                        store,
                        "s3://no-key",
                        NeoBankApplication.SECRET_RENEWALS,
                        Clock.systemUTC(),
                        new PrintStream(out)))
                .hasMessageContaining("expected s3://bucket/key");
        assertThat(other.resolve("neobank.db")).doesNotExist();
    }

    static byte[] readLocal(String name) {
        try {
            return Files.readAllBytes(Path.of(APP.getConfiguration().getBank().dataDir)
                    .resolve("backups")
                    .resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
