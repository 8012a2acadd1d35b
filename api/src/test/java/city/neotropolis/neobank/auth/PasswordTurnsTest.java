package city.neotropolis.neobank.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import city.neotropolis.neobank.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** bcrypt runs on a bounded share of the CPU: a fixed number at once, a bounded queue, then 503. */
@DisplayName("Password hashing takes turns")
class PasswordTurnsTest {

    @Test
    @DisplayName("with one turn and one waiting place, a third hash at once is refused 503 with Retry-After")
    void fullQueueRefuses() throws Exception {
        // Cost 13 (~0.5 s a hash) keeps the first two inside while the third asks.
        Passwords passwords = new Passwords(13, 1, 1);
        String hash = passwords.hashNew("password1", "password");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Boolean>> running = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                running.add(pool.submit(() -> passwords.matches("password1", hash)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (passwords.inside() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(passwords.inside())
                    .as("two hashes inside: one running, one waiting")
                    .isEqualTo(2);

            long t0 = System.nanoTime();
            ApiException busy = catchThrowableOfType(ApiException.class, () -> passwords.matches("password1", hash));
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0))
                    .as("refused at once, not after a bcrypt")
                    .isLessThan(200);
            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.headers()).containsEntry("Retry-After", "1");
            assertThat(busy.getMessage()).contains("try again");

            for (Future<Boolean> f : running) {
                assertThat(f.get(30, TimeUnit.SECONDS))
                        .as("the admitted ones still answer")
                        .isTrue();
            }
            assertThat(passwords.inside()).isZero();
            assertThat(passwords.matches("wrong-password", hash))
                    .as("a turn is free again")
                    .isFalse();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("by default half the cores hash at once, at least one")
    void defaultShare() {
        assertThat(Passwords.defaultThreads())
                .isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
    }
}
