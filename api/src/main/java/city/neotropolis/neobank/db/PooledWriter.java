package city.neotropolis.neobank.db;

import city.neotropolis.neobank.web.ApiException;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
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
    private final Jdbi jdbi;

    public PooledWriter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> CompletableFuture<T> submit(Work<T> work) {
        try {
            return CompletableFuture.completedFuture(runWithRetries(work));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private <T> T runWithRetries(Work<T> work) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (Handle h = jdbi.open()) {
                return h.inTransaction(TransactionIsolationLevel.READ_COMMITTED, tx -> {
                    WriteSession session = new WriteSession(tx, Dialect.POSTGRESQL);
                    try {
                        return work.run(session);
                    } finally {
                        session.closeStatements();
                    }
                });
            } catch (Exception e) {
                if (!retryable(e)) {
                    throw e;
                }
                if (attempt >= ATTEMPTS) {
                    throw ApiException.unavailable("The bank is busy; try again");
                }
            }
        }
    }

    /** Deadlock or serialization failure: the transaction was rolled back and may simply run again. */
    static boolean retryable(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException s) {
                String state = s.getSQLState();
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public void stop() {}
}
