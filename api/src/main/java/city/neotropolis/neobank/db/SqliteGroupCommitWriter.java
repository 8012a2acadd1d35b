package city.neotropolis.neobank.db;

import city.neotropolis.neobank.metrics.BankMetrics;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite allows one writer at a time, and with {@code synchronous=FULL} every commit costs an
 * fsync. So one thread owns the only write connection and commits queued units together: each
 * unit runs in its own savepoint (a refused unit is undone alone), one {@code COMMIT} makes the
 * whole group durable, and only then is any caller answered.
 */
public final class SqliteGroupCommitWriter implements Writer {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteGroupCommitWriter.class);

    private final BlockingQueue<Job<?>> queue;
    private final int maxBatch;
    private final Connection connection;
    private final Handle handle;
    private final WriteSession session;
    private final Statement control;
    // Prepared once: a savepoint and its release run twice per unit, thousands of times a second.
    private final PreparedStatement savepoint;
    private final PreparedStatement release;
    private final ExecutorService completions = Executors.newSingleThreadExecutor(r -> daemon(r, "ledger-ack"));
    private final Thread thread = daemon(this::loop, "ledger-writer");
    private volatile boolean running;

    public SqliteGroupCommitWriter(Connection connection, Jdbi jdbi, int queueCapacity, int maxBatch)
            throws SQLException {
        this.connection = connection;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.handle = jdbi.open();
        this.session = new WriteSession(handle, Dialect.SQLITE);
        this.control = connection.createStatement();
        this.savepoint = connection.prepareStatement("SAVEPOINT unit");
        this.release = connection.prepareStatement("RELEASE unit");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void start() {
        running = true;
        thread.start();
    }

    @Override
    public void stop() throws Exception {
        running = false;
        thread.join(TimeUnit.SECONDS.toMillis(30));
        completions.shutdown();
        completions.awaitTermination(10, TimeUnit.SECONDS);
        session.closeStatements();
        savepoint.close();
        release.close();
        control.close();
        handle.close();
        connection.close();
    }

    @Override
    public <T> CompletableFuture<T> submit(Work<T> work) {
        Job<T> job = new Job<>(work);
        if (!running) {
            job.future.completeExceptionally(new DatabaseUnavailable("The bank is shutting down; try again shortly"));
        } else if (!queue.offer(job)) {
            job.future.completeExceptionally(new DatabaseUnavailable("The bank is overloaded; try again shortly"));
        }
        return job.future;
    }

    @Override
    public int queueDepth() {
        return queue.size();
    }

    private void loop() {
        List<Job<?>> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Job<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                runBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.error("Writer loop failure", e);
                rollbackQuietly();
                failAll(batch, e);
            } finally {
                batch.clear();
            }
        }
    }

    private void runBatch(List<Job<?>> batch) {
        try {
            control.execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            LOG.error("Could not begin a write transaction", e);
            failAll(batch, new DatabaseUnavailable("The database is unavailable; try again"));
            return;
        }
        try {
            for (Job<?> job : batch) {
                session.discardAfterCommit();
                savepoint.execute();
                try {
                    job.run(session);
                    release.execute();
                    job.afterCommit = session.takeAfterCommit();
                } catch (Throwable e) {
                    session.discardAfterCommit();
                    control.execute("ROLLBACK TO unit");
                    control.execute("RELEASE unit");
                    job.error = e;
                }
            }
            control.execute("COMMIT");
            BankMetrics.committed(batch.size());
        } catch (SQLException e) {
            LOG.error("Group commit failed; nothing in this group was written", e);
            rollbackQuietly();
            failAll(batch, new DatabaseUnavailable("The database could not save this; try again"));
            return;
        }
        List<Job<?>> done = List.copyOf(batch);
        completions.execute(() -> done.forEach(Job::complete));
    }

    private void rollbackQuietly() {
        try {
            control.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back on its own
        }
    }

    private void failAll(List<Job<?>> batch, Throwable e) {
        List<Job<?>> failed = List.copyOf(batch);
        completions.execute(() -> failed.forEach(j -> j.future.completeExceptionally(e)));
    }

    private static final class Job<T> {
        final Work<T> work;
        final CompletableFuture<T> future = new CompletableFuture<>();
        T result;
        Throwable error;
        List<Runnable> afterCommit = List.of();

        Job(Work<T> work) {
            this.work = work;
        }

        void run(WriteSession session) throws Exception {
            result = work.run(session);
        }

        void complete() {
            // Counted before the caller is answered, so whoever saw the answer also sees the count.
            WriteSession.runAll(afterCommit);
            if (error != null) {
                future.completeExceptionally(error);
            } else {
                future.complete(result);
            }
        }
    }
}
