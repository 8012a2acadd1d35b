package city.neotropolis.neobank.db;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Runs units of writing; the only way anything is written while the service runs. */
public interface Writer extends Managed {

    <T> CompletableFuture<T> submit(Work<T> work);

    /**
     * Submits and waits; a refusal or failure of the work is rethrown as it was thrown, except that
     * a broken schema rule is rethrown as {@link ConstraintRefused} (the same on both databases).
     * Callers of {@link #submit} get the raw failure; the web layer recognises it there too.
     */
    default <T> T write(Work<T> work) {
        try {
            return submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailable("Interrupted while waiting for the database");
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = ConstraintRefused.translate(e.getCause());
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new WriteFailed(cause);
        }
    }

    @Override
    default void start() {}

    /** Units waiting for (SQLite) or running on (PostgreSQL) the database right now, for metrics. */
    int queueDepth();

    /** A checked failure inside a unit of writing, carried out as unchecked. */
    final class WriteFailed extends RuntimeException {
        public WriteFailed(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
