package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("16 players spinning both games at once")
class ConcurrentSpinsTest {
    static final int PLAYERS = 16;
    static final int SPINS_PER_GAME = 15;

    static void spinTogether(DropwizardAppExtension<NeoBankConfiguration> app) throws Exception {
        Api api = TestApp.api(app);
        CasinoFixture db = new CasinoFixture(app);
        List<Api.Session> players = new ArrayList<>();
        for (int i = 0; i < PLAYERS; i++) {
            players.add(api.player("crowd"));
        }
        long house = db.houseBalance();
        long playersBefore = players.stream().mapToLong(api::balance).sum();
        long spinsBefore = db.count("casino_spins");
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(PLAYERS * 2);
        CyclicBarrier start = new CyclicBarrier(PLAYERS * 2);
        List<Future<?>> done = new ArrayList<>();
        for (Api.Session p : players) {
            for (String route : List.of("glitch-grid", "starlight-smuggler")) {
                String body = route.equals("glitch-grid") ? "{\"bet_amount\": 10}" : "{\"bet_amount\": 5}";
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < SPINS_PER_GAME; i++) {
                        Api.Res r = api.post("/api/v1/casino/" + route + "/spin", p.token(), body);
                        statuses.computeIfAbsent(r.status(), s -> new AtomicInteger())
                                .incrementAndGet();
                        assertThat(r.json()).as("a JSON answer").isNotNull();
                    }
                    return null;
                }));
            }
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        assertThat(statuses.keySet()).as("statuses %s", statuses).allMatch(s -> s < 500);
        long playersAfter = players.stream().mapToLong(api::balance).sum();
        assertThat(playersAfter + db.houseBalance()).isEqualTo(playersBefore + house);
        assertThat(db.count("casino_spins") - spinsBefore)
                .isEqualTo(statuses.get(200).get());
        long sharedNonces = db.db()
                .reads()
                .withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM (SELECT account_id "
                                        + "FROM casino_spins GROUP BY account_id, server_seed_hash, nonce HAVING COUNT(*) > 1) d")
                        .mapTo(Long.class)
                        .one());
        assertThat(sharedNonces).as("spins that share a nonce").isZero();
        LedgerVerifier.Report report = new LedgerVerifier(db.db()).verify();
        assertThat(report.ok()).as(report.violation()).isTrue();
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

        @Test
        @DisplayName("get no 5xx, conserve players + house, and keep the ledger invariants")
        void conserved() throws Exception {
            spinTogether(APP);
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));

        @Test
        @DisplayName("get no 5xx, conserve players + house, and keep the ledger invariants")
        void conserved() throws Exception {
            spinTogether(APP);
        }
    }
}
