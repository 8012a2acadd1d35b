package city.neotropolis.neobank.proof;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * A stipend slot across a SIGKILL: the real fat jar pays 400 faction members from one write unit;
 * the process is killed around the due time (a few hundred ms into the payout, several rounds),
 * restarted on the same data, and every member ends up paid exactly once per slot.
 */
@DisplayName("Stipends across kill -9 in the middle of a payout")
class StipendCrashIT {
    static final int MEMBERS = 400;
    static final int ROUNDS = 3;

    static void prove(CrashRun.Db db) throws Exception {
        long started = System.currentTimeMillis();
        Path runDir = Files.createDirectories(Path.of(
                        "target", "crash", "stipend-" + db.name().toLowerCase(java.util.Locale.ROOT) + "-" + started))
                .toAbsolutePath();
        Map<String, String> env = new HashMap<>();
        if (db == CrashRun.Db.POSTGRES) {
            env.put("NEOBANK_DB_URL", Postgres.freshDatabase());
            env.put("NEOBANK_DB_USER", Postgres.USER);
        }
        env.put("NEOBANK_STIPENDS_CHECK_EVERY", "100ms");
        Random random = new Random(started);
        try (BankProcess bank = new BankProcess(CrashRun.jar(), CrashRun.config(), runDir, env)) {
            bank.start();
            Api api = new Api(bank.base());
            String gm = api.login("admin", CrashRun.GM_PASSWORD).token();
            StringBuilder csv = new StringBuilder("character_name,password,faction,balance\n");
            for (int i = 0; i < MEMBERS; i++) {
                csv.append("Crew").append(i).append("x").append(started % 10000).append(",,Night Shift,0\n");
            }
            Api.Res imported = api.post(
                    "/api/admin/users/import",
                    gm,
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .createObjectNode()
                            .put("csv", csv.toString())
                            .toString());
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("created").asInt()).isEqualTo(MEMBERS);

            int paidBeforeKill = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                Instant due = Instant.now().plusMillis(2_500);
                Api.Res made = api.post(
                        "/api/admin/stipends",
                        gm,
                        "{\"name\":\"Shift " + round + "\",\"amount\":1.25,\"recipients\":\"faction\","
                                + "\"faction\":\"Night Shift\",\"schedule\":\"once\",\"at\":\"" + due + "\"}");
                assertThat(made.status()).as(made.body()).isEqualTo(201);
                long id = made.json().at("/stipend/id").asLong();
                // Kill somewhere in the first 400 ms after the due time: before, during or after the unit.
                long killAt = due.toEpochMilli() + random.nextInt(400);
                while (System.currentTimeMillis() < killAt) {
                    Thread.onSpinWait();
                }
                bank.kill();
                bank.start();
                gm = api.login("admin", CrashRun.GM_PASSWORD).token();
                JsonNode slots = awaitSlot(api, gm, id);
                assertThat(slots).hasSize(1);
                assertThat(slots.get(0).get("paid_count").asInt()).isEqualTo(MEMBERS);
                // Did the killed process commit the slot, or did the kill cut in before its commit?
                String[] starts = Files.readString(bank.log()).split("===== start ");
                if (starts[starts.length - 2].contains("Stipends: 1 slot(s) paid")) {
                    paidBeforeKill++;
                }
            }
            assertThat(api.post("/api/admin/stipends/run-due", gm, "")
                            .json()
                            .get("slots_paid")
                            .asInt())
                    .isZero();
            String export = api.get("/api/admin/users/export", gm).body();
            long members = export.lines().filter(l -> l.contains("Night Shift")).count();
            assertThat(members).isEqualTo(MEMBERS);
            // Every member holds exactly ROUNDS x 1.25: each slot paid each member once.
            assertThat(export.lines().filter(l -> l.contains("Night Shift")))
                    .allSatisfy(l -> assertThat(l).contains("," + String.format("%.2f", ROUNDS * 1.25) + ","));
            JsonNode verify = api.get("/api/admin/ledger/verify", gm).json();
            assertThat(verify.get("ok").asBoolean()).as(verify.toString()).isTrue();
            System.out.println("stipend crash (" + db + "): " + ROUNDS + " kills around payouts of " + MEMBERS
                    + " members: " + paidBeforeKill + " slot(s) committed before the kill, " + (ROUNDS - paidBeforeKill)
                    + " paid after the restart; every member paid once per slot, books verify");
            bank.stop();
        }
    }

    private static JsonNode awaitSlot(Api api, String gm, long id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            JsonNode slots = api.get("/api/admin/stipends/" + id, gm).json().get("slots");
            if (!slots.isEmpty()) {
                return slots;
            }
            assertThat(System.nanoTime())
                    .as("the slot is settled after the restart")
                    .isLessThan(deadline);
            BankProcess.pause(50);
        }
    }

    @Nested
    @EnabledIf(
            value = "city.neotropolis.neobank.proof.CrashIT#sqliteSelected",
            disabledReason = "-Dcrash.db does not name sqlite")
    @DisplayName("on SQLite")
    class OnSqlite {
        @Test
        @DisplayName("every member is paid once per slot, the books verify")
        void survivesKills() throws Exception {
            prove(CrashRun.Db.SQLITE);
        }
    }

    @Nested
    @EnabledIf(
            value = "city.neotropolis.neobank.proof.CrashIT#postgresSelected",
            disabledReason = "-Dcrash.db does not name postgres, or " + Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres {
        @Test
        @DisplayName("every member is paid once per slot, the books verify")
        void survivesKills() throws Exception {
            prove(CrashRun.Db.POSTGRES);
        }
    }
}
