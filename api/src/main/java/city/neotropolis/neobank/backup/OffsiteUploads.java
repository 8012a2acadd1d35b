package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.metrics.BankMetrics;
import com.codahale.metrics.health.HealthCheck;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the bucket in step with the local backups directory: every kept (so checked) local backup
 * not yet in the bucket is uploaded, and objects past retention are deleted there too. A sync runs
 * after each new backup, at start, and every {@code retryEvery} while something is still pending,
 * so a failed upload is simply tried again; the local file is never touched by any of this.
 */
public final class OffsiteUploads {
    private static final Logger LOG = LoggerFactory.getLogger(OffsiteUploads.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Backups backups;
    private final OffsiteStore store;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong lastSuccess = new AtomicLong();
    private volatile String lastError;

    public OffsiteUploads(Backups backups, OffsiteStore store, ScheduledExecutorService executor, Clock clock) {
        this.backups = backups;
        this.store = store;
        this.executor = executor;
        this.clock = clock;
    }

    /** A sync now, then a check every {@code retryEveryMillis} that syncs again while anything is pending. */
    public void start(long retryEveryMillis) {
        syncSoon();
        executor.scheduleWithFixedDelay(
                () -> {
                    if (pending.get() > 0) {
                        sync();
                    }
                },
                retryEveryMillis,
                retryEveryMillis,
                TimeUnit.MILLISECONDS);
    }

    /** Asks for a sync on the uploads thread (after a backup was kept): the caller does not wait. */
    public void syncSoon() {
        try {
            executor.execute(this::sync);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            LOG.debug("Not syncing off-site backups: the service is stopping");
        }
    }

    /** Uploads what is missing, applies retention there; returns how many are still pending. */
    synchronized long sync() {
        List<Backups.Backup> local = backups.list();
        Set<String> remote;
        try {
            remote = new HashSet<>(store.names());
        } catch (RuntimeException e) {
            failed("list " + store.bucket(), e);
            pending.set(local.size());
            return pending.get();
        }
        long missing = 0;
        for (Backups.Backup b : local) {
            if (remote.contains(b.name())) {
                continue;
            }
            Path file = backups.directory().resolve(b.name());
            try {
                store.put(file, b.name());
                LOG.info("Backup {} uploaded to {}", b.name(), store.uri(b.name()));
                lastSuccess.set(clock.millis() / 1000);
            } catch (RuntimeException e) {
                failed("upload " + b.name(), e);
                missing++;
            }
        }
        pending.set(missing);
        if (missing == 0) {
            lastError = null;
            lastSuccess.set(clock.millis() / 1000);
        }
        prune(remote);
        return missing;
    }

    private void failed(String what, RuntimeException e) {
        BankMetrics.offsiteFailed();
        lastError = "could not " + what + ": " + e.getMessage();
        LOG.warn("Off-site backup: {} (the local backup is kept; trying again later)", lastError);
    }

    /** Deletes the bucket's backups whose name says they are older than the local retention. */
    private void prune(Set<String> remote) {
        LocalDateTime cutoff =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(backups.retentionDays());
        for (String name : remote) {
            Matcher m = Backups.NAME.matcher(name);
            if (!m.matches()) {
                continue; // not ours: never delete it
            }
            try {
                if (LocalDateTime.parse(m.group(1), STAMP).isBefore(cutoff)) {
                    store.delete(name);
                    LOG.info("Deleted off-site backup {} (older than {} days)", name, backups.retentionDays());
                }
            } catch (DateTimeParseException notOurs) {
                // a name we did not write: leave it
            } catch (RuntimeException e) {
                LOG.warn("Could not delete off-site backup {}: {}", name, e.getMessage());
            }
        }
    }

    public long pending() {
        return pending.get();
    }

    public long lastSuccessEpochSeconds() {
        return lastSuccess.get();
    }

    /** Unhealthy while a backup waits for an upload that failed; says why. */
    public HealthCheck health() {
        return new HealthCheck() {
            @Override
            protected Result check() {
                String error = lastError;
                long waiting = pending.get();
                if (waiting > 0 && error != null) {
                    return Result.unhealthy(waiting + " backup(s) not yet off-site; last attempt " + error);
                }
                return Result.healthy("off-site copies in " + store.uri(""));
            }
        };
    }
}
