package city.neotropolis.neobank.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Scrape;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Watching the bank run")
class ObservabilityTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

    static Api api;

    @BeforeAll
    static void setUp() {
        api = TestApp.api(APP);
    }

    static Scrape scrape() {
        return Scrape.of(APP.getAdminPort());
    }

    @Nested
    @DisplayName("every response carries an X-Request-Id")
    class RequestIds {
        @Test
        @DisplayName("a new one when the caller sent none: API answers, errors, assets, /health, the admin port")
        void generated() {
            for (String path : List.of("/api/v1/account", "/health", "/", "/api/v1/no-such-route")) {
                Api.Res r = api.get(path, null);
                assertThat(r.header("X-Request-Id")).as(path).matches("[0-9a-f]{32}");
            }
            assertThat(api.get("/health", null).header("X-Request-Id"))
                    .isNotEqualTo(api.get("/health", null).header("X-Request-Id"));
            Api admin = new Api("http://127.0.0.1:" + APP.getAdminPort());
            assertThat(admin.get("/healthcheck", null).header("X-Request-Id")).matches("[0-9a-f]{32}");
        }

        @Test
        @DisplayName("the caller's own when it is a sane token, a new one when it is not")
        void echoedWhenSane() {
            assertThat(api.send(api.builder("/health", null, "X-Request-Id", "proxy-7f3a.42"))
                            .header("X-Request-Id"))
                    .isEqualTo("proxy-7f3a.42");
            for (String insane : List.of("two words", "x".repeat(129), "quote\"d", "<script>")) {
                assertThat(api.send(api.builder("/health", null, "X-Request-Id", insane))
                                .header("X-Request-Id"))
                        .as(insane)
                        .matches("[0-9a-f]{32}");
            }
        }

        @Test
        @DisplayName("and every log line written while the request runs names it")
        void inTheLogs() {
            Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            ListAppender<ILoggingEvent> captured = new ListAppender<>();
            captured.start();
            root.addAppender(captured);
            try {
                Api.Session gm = api.gm();
                Api.Res r = api.post("/api/admin/backups", gm.token(), "{}", "X-Request-Id", "backup-by-gm-1");
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                List<ILoggingEvent> lines = captured.list.stream()
                        .filter(e -> e.getLoggerName().endsWith("backup.Backups"))
                        .toList();
                assertThat(lines).isNotEmpty();
                assertThat(lines)
                        .allSatisfy(
                                e -> assertThat(e.getMDCPropertyMap()).containsEntry("requestId", "backup-by-gm-1"));
            } finally {
                root.detachAppender(captured);
            }
        }
    }

    @Nested
    @DisplayName("/metrics counts what the bank did")
    class BankFigures {
        @Test
        @DisplayName("movements by type, refusals by reason and idempotent replays")
        void movementsAndRefusals() {
            Api.Session a = api.player("obsA");
            Api.Session b = api.player("obsB");
            Scrape before = scrape();
            String body = "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":2.5}";
            assertThat(api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "obs-1")
                            .status())
                    .isEqualTo(201);
            Api.Res replay = api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "obs-1");
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            Api.Res broke = api.post(
                    "/api/v1/transactions",
                    a.token(),
                    "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":999999}");
            assertThat(broke.status()).isEqualTo(400);
            assertThat(api.get("/api/v1/account", null).status()).isEqualTo(401);
            Scrape after = scrape();

            assertThat(after.since(before, "neobank_movements_total", "type", "transfer"))
                    .isEqualTo(1.0);
            assertThat(after.since(before, "neobank_moved_credits_total", "type", "transfer"))
                    .isEqualTo(2.5);
            assertThat(after.since(before, "neobank_idempotent_replays_total")).isEqualTo(1.0);
            assertThat(after.since(before, "neobank_refusals_total", "reason", "insufficient_funds"))
                    .isEqualTo(1.0);
            assertThat(after.since(before, "neobank_refusals_total", "reason", "unauthorized"))
                    .isGreaterThanOrEqualTo(1.0);
            // A refused transfer moved nothing, so it was not counted as a movement either.
            assertThat(after.since(before, "neobank_movements_total", "type", "transfer"))
                    .isEqualTo(1.0);
            assertThat(after.value("neobank_writer_commit_batch_size_count"))
                    .isGreaterThan(before.value("neobank_writer_commit_batch_size_count"));
            assertThat(after.value("neobank_http_request_duration_seconds_count", "status", "4xx"))
                    .isGreaterThanOrEqualTo(
                            before.value("neobank_http_request_duration_seconds_count", "status", "4xx") + 2);
        }

        @Test
        @DisplayName("spins, wins, credits wagered and paid per game, and the realised RTP")
        void spins() {
            Api.Session p = api.player("obsSpin");
            Scrape before = scrape();
            double won = 0;
            for (int i = 0; i < 10; i++) {
                Api.Res r = api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}");
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                won += r.json().path("win_amount").asDouble();
            }
            Scrape after = scrape();
            String game = "glitch_grid";
            assertThat(after.since(before, "neobank_casino_spins_total", "game", game))
                    .isEqualTo(10.0);
            double wagered = after.since(before, "neobank_casino_wagered_credits_total", "game", game);
            double paid = after.since(before, "neobank_casino_paid_credits_total", "game", game);
            assertThat(wagered).isPositive();
            assertThat(paid).isCloseTo(won, org.assertj.core.data.Offset.offset(0.001));
            assertThat(after.since(before, "neobank_movements_total", "type", "casino_bet"))
                    .isEqualTo(10.0);
            assertThat(after.value("neobank_casino_rtp_ratio", "game", game))
                    .isEqualTo(after.value("neobank_casino_paid_credits_total", "game", game)
                            / after.value("neobank_casino_wagered_credits_total", "game", game));
        }

        @Test
        @DisplayName("money supply, the house's bankroll, the writer's queue and the last backup's age")
        void gauges() {
            Scrape s = scrape();
            assertThat(s.value("neobank_money_supply_credits")).isPositive();
            assertThat(s.value("neobank_house_balance_credits")).isPositive();
            assertThat(s.has("neobank_writer_queue_depth")).isTrue();
            assertThat(s.value("neobank_writer_queue_capacity")).isPositive();
            assertThat(s.value("neobank_ledger_verify_ok")).isEqualTo(1.0);
            assertThat(s.has("neobank_backup_age_seconds")).isTrue();
        }
    }
}
