package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Many identical requests released at the same instant, as a terminal's retries can arrive. */
final class Storm {
    record Result(List<Api.Res> answers) {
        /** Every answer is the one 201 or a 409 "still in flight"; at least one 201; all 201s agree. */
        void assertOneMovement() {
            List<Api.Res> created =
                    answers.stream().filter(r -> r.status() == 201).toList();
            assertThat(answers)
                    .allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 409));
            assertThat(created).isNotEmpty();
            long ids = created.stream()
                    .map(r -> r.json().at("/transaction/id").asLong())
                    .distinct()
                    .count();
            assertThat(ids).isEqualTo(1);
        }
    }

    private Storm() {}

    /** 20 copies of one charge of 7 credits, one Idempotency-Key: exactly one movement, books balanced. */
    static void chargeOnce(Terminals t, String stall) throws Exception {
        Terminals.Key key = t.key(stall, "charge");
        String buyer = t.api.player("Storm").accountNumber();
        Result result = fire(20, () -> t.charge(key, Terminals.move(buyer, stall, "7"), "Idempotency-Key", "storm-1"));
        result.assertOneMovement();
        assertThat(t.balanceOf(buyer)).isEqualTo(100_000 - 700);
        assertThat(t.journalRows(buyer, "storm-1")).isEqualTo(1);
        t.assertBooksBalance();
    }

    static Result fire(int n, Callable<Api.Res> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Res>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Api.Res> answers = new ArrayList<>();
            for (Future<Api.Res> f : futures) {
                answers.add(f.get());
            }
            return new Result(answers);
        } finally {
            pool.shutdownNow();
        }
    }
}
