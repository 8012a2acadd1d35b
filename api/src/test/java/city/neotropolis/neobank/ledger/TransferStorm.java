package city.neotropolis.neobank.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test the original NeoBank failed: many threads sending random amounts among a few accounts
 * at once, some retried with the same Idempotency-Key. Afterwards every balance must equal what the
 * acknowledged transfers say, and the books must verify.
 */
final class TransferStorm {
    static final int ACCOUNTS = 20;
    static final int THREADS = 32;
    static final int PER_THREAD = 200;

    /** What the storm saw: replies by status, acknowledged transfers by journal id, retries made. */
    record Outcome(Map<Integer, Integer> statuses, Map<Long, long[]> acknowledged, int retries) {}

    private TransferStorm() {}

    static Outcome run(Api api, List<Api.Session> players, long seed) throws Exception {
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Map<Long, long[]> acknowledged = new ConcurrentHashMap<>();
        AtomicInteger retries = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            final int thread = t;
            futures.add(pool.submit(() -> {
                Random r = new Random(seed * 1000 + thread);
                for (int i = 0; i < PER_THREAD; i++) {
                    int from = r.nextInt(players.size());
                    int to = (from + 1 + r.nextInt(players.size() - 1)) % players.size();
                    // Amounts large enough that some senders run dry and get refused.
                    long hundredths = 1 + r.nextInt(30_000);
                    String body = "{\"to_account\":\"" + players.get(to).accountNumber() + "\",\"amount\":"
                            + Credits.ofHundredths(hundredths) + "}";
                    String key = "t" + thread + "-" + i;
                    int tries = r.nextInt(10) == 0 ? 2 : 1;
                    for (int attempt = 0; attempt < tries; attempt++) {
                        if (attempt > 0) {
                            retries.incrementAndGet();
                        }
                        Api.Res res = api.post(
                                "/api/v1/transactions", players.get(from).token(), body, "Idempotency-Key", key);
                        statuses.merge(res.status(), 1, Integer::sum);
                        if (res.status() == 201) {
                            long id = res.json().at("/transaction/id").asLong();
                            long[] previous = acknowledged.putIfAbsent(id, new long[] {from, to, hundredths});
                            if (previous != null) {
                                assertThat(previous)
                                        .as("a replay answers with the same transfer")
                                        .containsExactly(from, to, hundredths);
                            }
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return new Outcome(statuses, acknowledged, retries.get());
    }

    /** Checks balances against the acknowledged transfers and the books against their invariants. */
    static void check(NeoBankApplication app, Api api, List<Api.Session> players, long start, Outcome o) {
        assertThat(o.statuses().keySet()).as("statuses seen: " + o.statuses()).allMatch(s -> s < 500);
        assertThat(o.statuses().get(201)).as("most transfers go through").isGreaterThan(THREADS * PER_THREAD / 2);
        assertThat(o.retries()).isGreaterThan(0);
        long[] expected = new long[players.size()];
        java.util.Arrays.fill(expected, start);
        o.acknowledged().values().forEach(t -> {
            expected[(int) t[0]] -= t[2];
            expected[(int) t[1]] += t[2];
        });
        Map<String, Long> actual = new HashMap<>();
        for (int i = 0; i < players.size(); i++) {
            actual.put(players.get(i).name(), api.balance(players.get(i)));
        }
        for (int i = 0; i < players.size(); i++) {
            assertThat(actual.get(players.get(i).name()))
                    .as(players.get(i).name())
                    .isEqualTo(expected[i]);
            assertThat(expected[i]).isNotNegative();
        }
        long journalled = app.database()
                .reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions WHERE type = 'transfer'")
                        .mapTo(Long.class)
                        .one());
        assertThat(journalled)
                .as("every acknowledged transfer is in the journal exactly once")
                .isEqualTo(o.acknowledged().size());
        LedgerVerifier.Report report = new LedgerVerifier(app.database()).verify();
        assertThat(report.violation()).isNull();
        assertThat(report.ok()).isTrue();
    }
}
