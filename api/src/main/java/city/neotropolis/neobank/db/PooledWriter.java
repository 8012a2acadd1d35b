package city.neotropolis.neobank.db;

import city.neotropolis.neobank.metrics.BankMetrics;
import com.google.common.base.Throwables;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * PostgreSQL takes many writers at once: each unit runs in its own READ COMMITTED transaction on
 * a pooled connection, on the caller's thread. Guarded single-statement updates keep balances
 * right; a unit that loses a deadlock or serialization race is run again from the start.
 */
public final class PooledWriter implements Writer {
    private static final int ATTEMPTS = 8;
    private static final Set<String> RETRYABLE_STATES = Set.of("40001", "40P01");
    private final Jdbi jdbi;
    private final AtomicInteger running = new AtomicInteger();

    public PooledWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
        // READ COMMITTED is PostgreSQL's default, checked once here rather than set per unit: Jdbi's
        // inTransaction(level) asks the driver for the level before and after every transaction, and
        // pgjdbc answers each ask with a SHOW TRANSACTION ISOLATION LEVEL round trip, six per
        // transfer next to its six real statements (seen in the server's statement log).
        TransactionIsolationLevel level = jdbi.withHandle(Handle::getTransactionIsolationLevel);
        if (level != TransactionIsolationLevel.READ_COMMITTED) {
            throw new IllegalStateException("PostgreSQL connections must default to READ COMMITTED, not " + level);
        }
    }

    @Override
    public <T> CompletableFuture<T> submit(Work<T> work) {
        running.incrementAndGet();
        try {
            return CompletableFuture.completedFuture(runWithRetries(work));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        } finally {
            running.decrementAndGet();
        }
    }

    @Override
    public int queueDepth() {
        return running.get();
    }

    private <T> T runWithRetries(Work<T> work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            WriteSession[] session = new WriteSession[1];
            try (Handle h = jdbi.open()) {
                T result = h.inTransaction(tx -> {
                    session[0] = new WriteSession(tx, Dialect.POSTGRESQL);
                    try {
                        return work.run(session[0]);
                    } finally {
                        session[0].closeStatements();
                    }
                });
                BankMetrics.committed(1);
                WriteSession.runAll(session[0].takeAfterCommit());
                return result;
            } catch (Exception e) {
                if (!retryable(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    throw new DatabaseUnavailable("The bank is busy; try again");
                }
            }
        }
    }

    /** Deadlock or serialization failure: the transaction was rolled back and may simply run again. */
    static boolean retryable(Throwable e) {
        return Throwables.getCausalChain(e).stream()
                .anyMatch(c -> c instanceof SQLException s && RETRYABLE_STATES.contains(s.getSQLState()));
    }

    @Override
    public void stop() {}
}
