package city.neotropolis.neobank.backup;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Backups of the live SQLite database")
class BackupTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

    static Api api;
    static Api.Session gm;

    @BeforeAll
    static void setUp() {
        api = TestApp.api(APP);
        gm = api.gm();
    }

    static Path backupsDir() {
        return Path.of(APP.getConfiguration().getBank().dataDir).resolve("backups");
    }

    @Nested
    @DisplayName("taken while players keep paying each other")
    class DuringTransfers {
        @Test
        @DisplayName("are consistent copies: integrity and every ledger invariant hold on each one")
        void consistent() throws Exception {
            List<Api.Session> players = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                players.add(api.player("busy"));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Api.Session from = players.get(i);
                Api.Session to = players.get((i + 1) % 4);
                senders.add(pool.submit(() -> {
                    while (!stop.get()) {
                        Api.Res r = api.post(
                                "/api/v1/transactions",
                                from.token(),
                                "{\"to_account\":\"" + to.accountNumber() + "\",\"amount\":0.01}");
                        assertThat(r.status()).as(r.body()).isEqualTo(201);
                        sent.incrementAndGet();
                    }
                    return null;
                }));
            }
            List<JsonNode> taken = new ArrayList<>();
            try {
                while (sent.get() < 20) {
                    Thread.onSpinWait();
                }
                for (int i = 0; i < 3; i++) {
                    Api.Res r = api.post("/api/admin/backups", gm.token(), "");
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    taken.add(r.json().get("backup"));
                }
            } finally {
                stop.set(true);
                pool.shutdown();
            }
            for (Future<?> f : senders) {
                f.get();
            }
            assertThat(sent.get()).isGreaterThan(20);
            long finalCount = api.get("/api/admin/ledger/verify", gm.token())
                    .json()
                    .get("transactions")
                    .asLong();
            long previous = 0;
            for (JsonNode b : taken) {
                assertThat(b.get("integrity").asText()).isEqualTo("ok");
                assertThat(b.get("ledger_ok").asBoolean()).isTrue();
                Path file = backupsDir().resolve(b.get("name").asText());
                assertThat(file).exists();
                assertThat(Files.size(file)).isEqualTo(b.get("size_bytes").asLong());
                BackupCheck.Result again = BackupCheck.check(file);
                assertThat(again.ok()).as(again.problem()).isTrue();
                long count = again.ledger().transactions();
                assertThat(count)
                        .isEqualTo(b.get("transactions").asLong())
                        .isGreaterThanOrEqualTo(previous)
                        .isLessThanOrEqualTo(finalCount);
                previous = count;
            }
            try (var files = Files.list(backupsDir())) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("partial"));
            }
        }
    }

    @Nested
    @DisplayName("listed and downloaded")
    class Listing {
        @Test
        @DisplayName("newest first, and the download is the file byte for byte")
        void listAndDownload() throws Exception {
            String name = api.post("/api/admin/backups", gm.token(), "")
                    .json()
                    .at("/backup/name")
                    .asText();
            JsonNode list = api.get("/api/admin/backups", gm.token()).json();
            assertThat(list.get("backups"))
                    .extracting(b -> b.get("name").asText())
                    .contains(name);
            assertThat(list.get("retention_days").asInt()).isEqualTo(30);
            HttpResponse<byte[]> r = HttpClient.newHttpClient()
                    .send(
                            api.builder("/api/admin/backups/" + name, gm.token())
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
            assertThat(r.body()).isEqualTo(Files.readAllBytes(backupsDir().resolve(name)));
        }

        @Test
        @DisplayName("refuse anything that is not a backup's name: no path tricks")
        void pathTricks() {
            for (String trick : List.of(
                    "..%2Fneobank.db",
                    "neobank.db",
                    "..%2F..%2Fetc%2Fpasswd",
                    "neobank-20260101-000000.db",
                    "%2Fetc%2Fpasswd",
                    ".neobank-20260101-000000.db.partial")) {
                Api.Res r = api.get("/api/admin/backups/" + trick, gm.token());
                assertThat(r.status()).as(trick).isIn(400, 404);
                assertThat(r.json().get("error").asText()).as(trick).isNotBlank();
            }
        }
    }

    @Nested
    @DisplayName("as a Dropwizard admin task")
    class Task {
        @Test
        @DisplayName("POST /tasks/backup on the admin port takes the same checked snapshot")
        void task() throws Exception {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(java.net.URI.create(
                                            "http://127.0.0.1:" + APP.getAdminPort() + "/tasks/backup"))
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode b = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
            assertThat(b.get("ledger_ok").asBoolean()).isTrue();
            assertThat(backupsDir().resolve(b.get("name").asText())).exists();
            JsonNode audit =
                    api.get("/api/admin/audit-logs?limit=1", gm.token()).json().at("/logs/0");
            assertThat(audit.get("admin").asText()).isEqualTo("ops:tasks/backup");
            assertThat(audit.get("target").asText()).isEqualTo(b.get("name").asText());
        }
    }
}
