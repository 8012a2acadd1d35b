package city.neotropolis.neobank.proof;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.proof.IntentLog.State;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Two replicas of the real jar on one fresh PostgreSQL database, as the Kubernetes postgres overlay
 * runs them: mixed work through both at once, the same Idempotency-Key sent to both, and a GM's
 * freeze or key revocation on one replica honoured by the other within the documented time.
 * Size: {@code -Dreplicas.ops} (600), {@code -Dreplicas.threads} (12).
 */
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Two replicas on one PostgreSQL database")
class ReplicasIT {
    /** The documented bounds: principal cache on PostgreSQL (2 s), terminal key cache (3 s), plus polling slack. */
    static final long FREEZE_WITHIN_MS = 2_000;

    static final long REVOKE_WITHIN_MS = 3_000;
    static final long SLACK_MS = 750;

    @Test
    @DisplayName(
            "acknowledged movements are journalled once, balances add up, the books verify, freezes and revocations cross over")
    void twoReplicas() throws Exception {
        long ops = Long.getLong("replicas.ops", 600);
        int threads = Integer.getInteger("replicas.threads", 12);
        long seed = Long.getLong("replicas.seed", System.nanoTime());
        long started = System.currentTimeMillis();
        Path runDir = Files.createDirectories(Path.of("target", "replicas", "run-" + started))
                .toAbsolutePath();
        String pgUrl = Postgres.freshDatabase();
        Map<String, String> dbEnv = Map.of("NEOBANK_DB_URL", pgUrl, "NEOBANK_DB_USER", Postgres.USER);
        try (BankProcess a = new BankProcess(CrashRun.jar(), CrashRun.config(), runDir.resolve("a"), dbEnv);
                BankProcess b = new BankProcess(CrashRun.jar(), CrashRun.config(), runDir.resolve("b"), dbEnv)) {
            Files.createDirectories(runDir.resolve("a"));
            Files.createDirectories(runDir.resolve("b"));
            a.start();
            b.start();
            List<Api> replicas = List.of(new Api(a.base()), new Api(b.base()));
            List<Api.Session> players = new ArrayList<>();
            List<Long> start = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Api via = replicas.get(i % 2);
                Api.Session p = via.player("replica");
                players.add(p);
                start.add(replicas.get(1 - i % 2).balance(p));
            }
            String vendorKey = CrashRun.terminalKey(replicas.get(0), players.get(0));
            String gmToken = replicas.get(1)
                    .login(CrashRun.GM_NAME, CrashRun.GM_PASSWORD)
                    .token();
            IntentLog log = new IntentLog("replicas-" + Long.toString(started, 36));
            ReplicaClient client = new ReplicaClient(replicas, log, players);
            client.run(ops, threads, id -> CrashRun.mixed(players, vendorKey, gmToken, seed, id));

            CrashChecks checks = new CrashChecks();
            checks.balances(replicas.get(0), client::player, start, log.all());
            checks.verifyRoute(replicas.get(1));
            long freezeMs = freezeCrossesOver(replicas, client.player(1));
            long revokeMs = revocationCrossesOver(replicas, players.get(0), players.get(2));
            a.stop();
            b.stop();
            Jdbi.create(pgUrl, Postgres.USER, "").useHandle(h -> checks.journal(h, log.all()));

            Map<String, Long> ackedByKind = log.all().stream()
                    .filter(i -> i.state == State.ACKED)
                    .collect(Collectors.groupingBy(i -> i.op.kind(), TreeMap::new, Collectors.counting()));
            System.out.println("replicas: ops=" + ops + " acked=" + log.count(State.ACKED) + " refused="
                    + log.count(State.REFUSED) + " retries=" + client.retries() + " cross_replica_replays="
                    + client.crossReplays() + " double_sends=" + client.doubleSends() + " split_answers="
                    + client.splitAnswers() + " violations="
                    + checks.violations().size() + " verify=" + checks.verify() + " freeze_ms=" + freezeMs
                    + " revoke_ms=" + revokeMs + " seconds=" + (System.currentTimeMillis() - started) / 1000
                    + " seed=" + seed + " acked_by_kind=" + ackedByKind);
            checks.violations().stream().limit(20).forEach(v -> System.out.println("  violation: " + v));
            assertThat(checks.violations()).as("run dir " + runDir).isEmpty();
            assertThat(checks.verify()).isEqualTo("ok");
            assertThat(log.count(State.ACKED) + log.count(State.REFUSED))
                    .as("every operation got a definite answer")
                    .isEqualTo(ops);
            assertThat(ackedByKind).containsKeys("transfer", "spin", "charge", "grant");
            assertThat(client.crossReplays())
                    .as("retries on the other replica were answered as replays")
                    .isGreaterThan(ops / 8);
            assertThat(freezeMs).isLessThanOrEqualTo(FREEZE_WITHIN_MS + SLACK_MS);
            assertThat(revokeMs).isLessThanOrEqualTo(REVOKE_WITHIN_MS + SLACK_MS);
        } finally {
            Postgres.drop(pgUrl);
        }
    }

    /**
     * A GM freezes a player through replica A while replica B has the player's token cached: B
     * refuses the player's payments at once (the guard is in the database) and the token within the
     * principal cache's 2 s. Returns how long B took to refuse the token.
     */
    private static long freezeCrossesOver(List<Api> replicas, Api.Session player) {
        Api a = replicas.get(0);
        Api b = replicas.get(1);
        assertThat(b.get("/api/v1/account", player.token()).status()).isEqualTo(200);
        String gm = a.login(CrashRun.GM_NAME, CrashRun.GM_PASSWORD).token();
        Api.Res frozen =
                a.post("/api/admin/users/" + player.accountNumber() + "/freeze", gm, "{\"reason\":\"replica test\"}");
        assertThat(frozen.status()).as(frozen.body()).isEqualTo(200);
        long t0 = System.nanoTime();
        Api.Res pay = b.post(
                "/api/v1/transactions", player.token(), "{\"to_account\":\"" + SpinOp.HOUSE + "\",\"amount\":1}");
        assertThat(pay.status())
                .as("a frozen player's payment through the other replica: " + pay.body())
                .isBetween(400, 499);
        return pollUntil(
                t0,
                FREEZE_WITHIN_MS + 5_000,
                s -> s == 401 || s == 403,
                () -> b.get("/api/v1/account", player.token()).status());
    }

    /**
     * A GM revokes a terminal key through replica B while replica A has it cached: A refuses the
     * key's charges at once (re-checked inside the money unit) and its balance reads within the key
     * cache's 3 s. Returns how long A took to refuse the read.
     */
    private static long revocationCrossesOver(List<Api> replicas, Api.Session vendor, Api.Session payer) {
        Api a = replicas.get(0);
        Api b = replicas.get(1);
        String gm = b.login(CrashRun.GM_NAME, CrashRun.GM_PASSWORD).token();
        Api.Res created = b.post(
                "/api/admin/api-keys",
                gm,
                "{\"description\":\"replica stall\",\"account_number\":\"" + vendor.accountNumber()
                        + "\",\"scopes\":[\"charge\",\"balance:read\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().at("/api_key/key_value").asText();
        String keyId = created.json().at("/api_key/id").asText();
        String balance = "/api/v1/external/account/" + payer.accountNumber() + "/balance";
        assertThat(a.send(a.builder(balance, null, "X-API-Key", key).GET()).status())
                .isEqualTo(200);
        Api.Res revoked = b.delete("/api/admin/api-keys/" + keyId, gm);
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        long t0 = System.nanoTime();
        Api.Res charge = a.post(
                "/api/v1/external/transactions",
                null,
                "{\"from_account\":\"" + payer.accountNumber() + "\",\"to_account\":\"" + vendor.accountNumber()
                        + "\",\"amount\":1}",
                "X-API-Key",
                key);
        assertThat(charge.status())
                .as("a revoked key's charge through the other replica: " + charge.body())
                .isEqualTo(401);
        return pollUntil(
                t0,
                REVOKE_WITHIN_MS + 5_000,
                s -> s == 401,
                () -> a.send(a.builder(balance, null, "X-API-Key", key).GET()).status());
    }

    private static long pollUntil(long t0, long maxMs, IntPredicate done, java.util.function.IntSupplier status) {
        while (true) {
            long elapsed = (System.nanoTime() - t0) / 1_000_000;
            if (done.test(status.getAsInt())) {
                return elapsed;
            }
            assertThat(elapsed).as("still not refused").isLessThan(maxMs);
            BankProcess.pause(25);
        }
    }
}
