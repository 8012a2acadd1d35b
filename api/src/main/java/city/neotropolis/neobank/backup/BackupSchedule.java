package city.neotropolis.neobank.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The daily snapshot, inside the service: at {@code backups.dailyAt} in {@code backups.timeZone}, every day. */
public final class BackupSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    private final Backups backups;
    private final ScheduledExecutorService executor;
    private final Clock clock;
    private final LocalTime at;
    private final ZoneId zone;

    public BackupSchedule(Backups backups, ScheduledExecutorService executor, Clock clock, BackupConfig config) {
        this.backups = backups;
        this.executor = executor;
        this.clock = clock;
        this.at = LocalTime.parse(config.dailyAt);
        this.zone = ZoneId.of(config.timeZone);
    }

    /** How long from {@code now} until the next {@code at} in {@code zone} (tomorrow's if today's has passed). */
    static Duration untilNext(ZonedDateTime now, LocalTime at) {
        ZonedDateTime next = now.with(at).withSecond(0).withNano(0);
        if (!next.isAfter(now)) {
            next = now.plusDays(1).with(at).withSecond(0).withNano(0);
        }
        return Duration.between(now, next);
    }

    public void start() {
        scheduleNext();
    }

    // One run at a time, each scheduling the next: the wall-clock time survives DST changes.
    private void scheduleNext() {
        Duration wait = untilNext(ZonedDateTime.now(clock.withZone(zone)), at);
        LOG.info("Next daily backup in {} h {} min ({} {})", wait.toHours(), wait.toMinutesPart(), at, zone);
        try {
            executor.schedule(this::run, wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            LOG.debug("Not scheduling the next backup: the service is stopping");
        }
    }

    private void run() {
        try {
            Backups.Backup b = backups.take();
            LOG.info("Daily backup {} done", b.name());
        } catch (RuntimeException e) {
            LOG.error("Daily backup FAILED; take one by hand (gm backup / POST /tasks/backup)", e);
        } finally {
            scheduleNext();
        }
    }
}
