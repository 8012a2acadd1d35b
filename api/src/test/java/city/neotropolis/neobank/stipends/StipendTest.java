package city.neotropolis.neobank.stipends;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.ledger.SystemAccounts;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stipends over HTTP on the real service; the payouts driven by {@link StipendPayer} on the same
 * database at chosen moments (the app's own scheduler is off here, so the test says what "now" is).
 */
@DisplayName("Stipends: scheduled pay from the mint")
class StipendTest {
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    abstract static class Story {
        abstract DropwizardAppExtension<NeoBankConfiguration> app();

        Api api() {
            return TestApp.api(app());
        }

        Database db() {
            return app().<NeoBankApplication>getApplication().database();
        }

        StipendPayer payer() {
            Database db = db();
            long mint = id(SystemAccounts.MINT_NUMBER);
            long house = id(SystemAccounts.HOUSE_NUMBER);
            Clock clock = Clock.systemUTC();
            return new StipendPayer(
                    db, new Ledger(new SystemAccounts(mint, house), clock), new AuditLog(db, clock), ZONE, 600_000);
        }

        long id(String accountNumber) {
            return db().reads()
                    .withHandle(h -> h.createQuery("SELECT id FROM accounts WHERE account_number = :n")
                            .bind("n", accountNumber)
                            .mapTo(Long.class)
                            .one());
        }

        /** How many stipend rows with this memo reached the account. */
        long paid(Api.Session who, String memo) {
            return db().reads()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions t JOIN accounts a "
                                    + "ON a.id = t.to_account_id WHERE a.account_number = :n AND t.type = 'stipend' "
                                    + "AND t.memo = :m")
                            .bind("n", who.accountNumber())
                            .bind("m", memo)
                            .mapTo(Long.class)
                            .one());
        }

        long count(String table) {
            return db().reads()
                    .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                            .mapTo(Long.class)
                            .one());
        }

        void booksVerify() {
            assertThat(new LedgerVerifier(db()).verify().ok()).isTrue();
        }

        static long at(LocalDate d, String time) {
            return ZonedDateTime.of(d, java.time.LocalTime.parse(time), ZONE)
                    .toInstant()
                    .toEpochMilli();
        }

        static LocalDate tomorrow() {
            return LocalDate.now(ZONE).plusDays(1);
        }

        Api.Res create(Api api, Api.Session gm, String body) {
            return api.post("/api/admin/stipends", gm.token(), body);
        }

        String daily(String name, String recipients, String extra, String catchUp) {
            return "{\"name\":\"" + name + "\",\"amount\":25,\"recipients\":\"" + recipients + "\"" + extra
                    + ",\"schedule\":\"daily\",\"time\":\"12:00\",\"from\":\"" + tomorrow() + "\",\"until\":\""
                    + tomorrow().plusDays(2) + "\",\"catch_up\":\"" + catchUp + "\"}";
        }

        @Test
        @DisplayName("a GM defines, reads, edits, pauses, resumes and deletes a stipend; each change audited")
        void lifecycle() {
            Api api = api();
            Api.Session gm = api.gm();
            String faction = Api.uniqueName("Crew");
            Api.Res made = create(api, gm, daily("Runner pay", "faction", ",\"faction\":\"" + faction + "\"", "pay"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            JsonNode s = made.json().get("stipend");
            long id = s.get("id").asLong();
            assertThat(s.get("amount").decimalValue()).isEqualByComparingTo("25");
            assertThat(s.get("time_zone").asText()).isEqualTo("Europe/Berlin");
            assertThat(s.get("next_slot").asText())
                    .isEqualTo(java.time.Instant.ofEpochMilli(at(tomorrow(), "12:00"))
                            .toString());
            assertThat(api.get("/api/admin/stipends", gm.token()).json().toString())
                    .contains("Runner pay");

            Api.Res edited = api.put(
                    "/api/admin/stipends/" + id,
                    gm.token(),
                    "{\"name\":\"Runner pay\",\"amount\":30,\"recipients\":\"all\",\"schedule\":\"once\"," + "\"at\":\""
                            + tomorrow() + "T09:30\"}");
            assertThat(edited.status()).as(edited.body()).isEqualTo(200);
            assertThat(edited.json().at("/stipend/schedule").asText()).isEqualTo("once");
            assertThat(edited.json().at("/stipend/at").asText())
                    .isEqualTo(java.time.Instant.ofEpochMilli(at(tomorrow(), "09:30"))
                            .toString());

            Api.Res paused = api.post("/api/admin/stipends/" + id + "/pause", gm.token(), "");
            assertThat(paused.json().at("/stipend/paused").asBoolean()).isTrue();
            assertThat(paused.json().at("/stipend/next_slot").isNull()).isTrue();
            Api.Res resumed = api.post("/api/admin/stipends/" + id + "/resume", gm.token(), "");
            assertThat(resumed.json().at("/stipend/paused").asBoolean()).isFalse();
            assertThat(api.delete("/api/admin/stipends/" + id, gm.token()).status())
                    .isEqualTo(200);
            assertThat(api.get("/api/admin/stipends/" + id, gm.token()).status())
                    .isEqualTo(404);
            assertThat(api.get("/api/admin/audit-logs?limit=10", gm.token())
                            .json()
                            .toString())
                    .contains("create_stipend", "edit_stipend", "pause_stipend", "resume_stipend", "delete_stipend");
        }

        @Test
        @DisplayName("bad definitions get a 400 JSON error naming the field and create nothing; players get 403")
        void refusals() {
            Api api = api();
            Api.Session gm = api.gm();
            Api.Session player = api.player("stRef");
            long before = count("stipends");
            String ok = daily("X", "all", "", "pay");
            List<String> bad = List.of(
                    ok.replace("\"name\":\"X\"", "\"name\":\"\""),
                    ok.replace("\"amount\":25", "\"amount\":0"),
                    ok.replace("\"amount\":25", "\"amount\":-5"),
                    ok.replace("\"amount\":25", "\"amount\":1.001"),
                    ok.replace("\"amount\":25", "\"amount\":\"lots\""),
                    ok.replace("\"recipients\":\"all\"", "\"recipients\":\"everyone\""),
                    ok.replace("\"recipients\":\"all\"", "\"recipients\":\"faction\""),
                    ok.replace("\"recipients\":\"all\"", "\"recipients\":\"accounts\",\"accounts\":[]"),
                    ok.replace("\"recipients\":\"all\"", "\"recipients\":\"accounts\",\"accounts\":[\"NC-ZZZZ-ZZZZ\"]"),
                    ok.replace("\"recipients\":\"all\"", "\"recipients\":\"accounts\",\"accounts\":[\"nope\"]"),
                    ok.replace("\"schedule\":\"daily\"", "\"schedule\":\"weekly\""),
                    ok.replace("\"time\":\"12:00\"", "\"time\":\"25:00\""),
                    ok.replace("\"time\":\"12:00\"", "\"time\":\"noon\""),
                    ok.replace("\"from\":\"" + tomorrow() + "\"", "\"from\":\"tomorrow\""),
                    ok.replace(
                            "\"until\":\"" + tomorrow().plusDays(2) + "\"",
                            "\"until\":\"" + tomorrow().minusDays(1) + "\""),
                    ok.replace(
                            "\"until\":\"" + tomorrow().plusDays(2) + "\"",
                            "\"until\":\"" + tomorrow().plusDays(400) + "\""),
                    ok.replace("\"catch_up\":\"pay\"", "\"catch_up\":\"maybe\""),
                    "{\"name\":\"Y\",\"amount\":5,\"recipients\":\"all\",\"schedule\":\"once\",\"at\":\"2020-01-01T10:00Z\"}",
                    "{\"name\":\"Y\",\"amount\":5,\"recipients\":\"all\",\"schedule\":\"once\",\"at\":\"soon\"}",
                    "{\"name\":\"Y\",\"amount\":5,\"recipients\":\"all\",\"schedule\":\"daily\",\"time\":\"10:00\","
                            + "\"from\":\"2020-01-01\",\"until\":\"2020-01-03\"}",
                    "[]",
                    "not json");
            for (String body : bad) {
                Api.Res r = create(api, gm, body);
                assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).as(body).isNotBlank();
            }
            assertThat(count("stipends")).isEqualTo(before);
            assertThat(create(api, player, ok).status()).isEqualTo(403);
            assertThat(api.get("/api/admin/stipends", player.token()).status()).isEqualTo(403);
            assertThat(api.post("/api/admin/stipends", null, ok).status()).isEqualTo(401);
            assertThat(api.get("/api/admin/stipends/abc", gm.token()).status()).isEqualTo(400);
            assertThat(api.get("/api/admin/stipends/999999", gm.token()).status())
                    .isEqualTo(404);
            assertThat(api.post("/api/admin/stipends/999999/pause", gm.token(), "")
                            .status())
                    .isEqualTo(404);
            assertThat(count("stipends")).isEqualTo(before);
        }

        @Test
        @DisplayName("each due slot pays every recipient once; frozen ones are skipped and listed; reruns pay nothing")
        void paysOncePerSlot() {
            Api api = api();
            Api.Session gm = api.gm();
            Api.Session a = api.player("stA");
            Api.Session b = api.player("stB");
            Api.Session cold = api.player("stCold");
            String name = Api.uniqueName("Ration");
            Api.Res made = create(
                    api,
                    gm,
                    daily(
                            name,
                            "accounts",
                            ",\"accounts\":[\"" + a.accountNumber() + "\",\"" + b.accountNumber() + "\",\""
                                    + cold.accountNumber().toLowerCase() + "\"]",
                            "pay"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            long id = made.json().at("/stipend/id").asLong();
            assertThat(api.post("/api/admin/users/" + cold.accountNumber() + "/freeze", gm.token(), "{}")
                            .status())
                    .isEqualTo(200);

            StipendPayer payer = payer();
            long slot1 = at(tomorrow(), "12:00");
            assertThat(payer.runDue(slot1 - 1).slotsPaid()).isZero();
            StipendPayer.Run first = payer.runDue(slot1 + 1_000);
            assertThat(first.slotsPaid()).isEqualTo(1);
            assertThat(first.paymentsMade()).isEqualTo(2);
            assertThat(payer.runDue(slot1 + 2_000).slotsPaid()).isZero();
            assertThat(paid(a, name)).isEqualTo(1);
            assertThat(paid(b, name)).isEqualTo(1);
            assertThat(paid(cold, name)).isZero();
            assertThat(api.balance(a)).isEqualTo(100_000 + 2_500);

            // Down for two days: the missed slot is paid late (catch_up pay), the current one on time.
            long slot3 = at(tomorrow().plusDays(2), "12:00");
            StipendPayer.Run late = payer.runDue(slot3 + 5_000);
            assertThat(late.slotsPaid()).isEqualTo(2);
            assertThat(paid(a, name)).isEqualTo(3);
            assertThat(payer.runDue(slot3 + 3_600_000L * 48).slotsPaid()).isZero();

            JsonNode details = api.get("/api/admin/stipends/" + id, gm.token()).json();
            assertThat(details.get("slots")).hasSize(3);
            assertThat(details.at("/slots/0/status").asText()).isEqualTo("paid");
            assertThat(details.at("/slots/0/paid_count").asInt()).isEqualTo(2);
            assertThat(details.at("/slots/0/total").decimalValue()).isEqualByComparingTo("50");
            assertThat(details.at("/slots/0/skipped_frozen/0").asText()).isEqualTo(cold.accountNumber());
            assertThat(details.at("/slots/0/local_time").asText())
                    .isEqualTo(tomorrow().plusDays(2) + "T12:00");
            JsonNode history =
                    api.get("/api/v1/account/transactions?limit=5", a.token()).json();
            assertThat(history.at("/transactions/0/type").asText()).isEqualTo("stipend");
            assertThat(history.at("/transactions/0/memo").asText()).isEqualTo(name);
            booksVerify();
        }

        @Test
        @DisplayName("catch_up skip: a slot found late is recorded as skipped and pays nothing; paused pays nothing")
        void skipAndPause() {
            Api api = api();
            Api.Session gm = api.gm();
            String faction = Api.uniqueName("Skip");
            Api.Session m = api.player("stSkip");
            api.put(
                    "/api/admin/factions/members/" + m.accountNumber(),
                    gm.token(),
                    "{\"faction\":\"" + faction + "\"}");
            String name = Api.uniqueName("Bonus");
            Api.Res made = create(api, gm, daily(name, "faction", ",\"faction\":\"" + faction + "\"", "skip"));
            long id = made.json().at("/stipend/id").asLong();
            StipendPayer payer = payer();
            long slot2 = at(tomorrow().plusDays(1), "12:00");
            StipendPayer.Run r = payer.runDue(slot2 + 60_000);
            assertThat(r.slotsSkipped()).isEqualTo(1);
            assertThat(r.slotsPaid()).isEqualTo(1);
            assertThat(paid(m, name)).isEqualTo(1);
            JsonNode slots =
                    api.get("/api/admin/stipends/" + id, gm.token()).json().get("slots");
            assertThat(slots.get(1).get("status").asText()).isEqualTo("skipped");
            assertThat(slots.get(1).get("paid_count").asInt()).isZero();

            api.post("/api/admin/stipends/" + id + "/pause", gm.token(), "");
            assertThat(payer.runDue(at(tomorrow().plusDays(2), "12:01")).slotsPaid())
                    .isZero();
            assertThat(paid(m, name)).isEqualTo(1);
            booksVerify();
        }

        @Test
        @DisplayName("two payers racing for the same slots (as two replicas would) pay every recipient once")
        void twoPayersRace() throws Exception {
            Api api = api();
            Api.Session gm = api.gm();
            String faction = Api.uniqueName("Race");
            List<Api.Session> members = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Api.Session p = api.player("stRace");
                api.put(
                        "/api/admin/factions/members/" + p.accountNumber(),
                        gm.token(),
                        "{\"faction\":\"" + faction + "\"}");
                members.add(p);
            }
            String name = Api.uniqueName("Wage");
            assertThat(create(api, gm, daily(name, "faction", ",\"faction\":\"" + faction + "\"", "pay"))
                            .status())
                    .isEqualTo(201);
            long now = at(tomorrow().plusDays(2), "12:00") + 1_000;
            ExecutorService pool = Executors.newFixedThreadPool(4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<StipendPayer.Run>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                StipendPayer payer = payer();
                runs.add(pool.submit(() -> {
                    go.await();
                    return payer.runDue(now);
                }));
            }
            go.countDown();
            int slots = 0;
            for (Future<StipendPayer.Run> f : runs) {
                slots += f.get(60, TimeUnit.SECONDS).slotsPaid();
            }
            pool.shutdown();
            assertThat(slots).isEqualTo(3);
            for (Api.Session m : members) {
                assertThat(paid(m, name)).as(m.name()).isEqualTo(3);
            }
            booksVerify();
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite extends Story {
        static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
                ConfigOverride.config("rateLimits.enabled", "false"),
                ConfigOverride.config("stipends.enabled", "false"),
                ConfigOverride.config("stipends.timeZone", "Europe/Berlin"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres extends Story {
        static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres(
                ConfigOverride.config("rateLimits.enabled", "false"),
                ConfigOverride.config("stipends.enabled", "false"),
                ConfigOverride.config("stipends.timeZone", "Europe/Berlin"),
                ConfigOverride.config("database.maxSize", "16"));

        @Override
        DropwizardAppExtension<NeoBankConfiguration> app() {
            return APP;
        }
    }
}
