package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.Dialect;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backups: the GM routes, the admin task, the daily schedule, and the lock a restore looks for. */
public final class BackupFeature {
    private static final Logger LOG = LoggerFactory.getLogger(BackupFeature.class);

    private final Database db;
    private final AuditLog audit;
    private final Path dataDir;
    private final String databaseUrl;
    private final BackupConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public BackupFeature(
            Database db,
            AuditLog audit,
            Path dataDir,
            String databaseUrl,
            BackupConfig config,
            ObjectMapper mapper,
            Clock clock) {
        this.db = db;
        this.audit = audit;
        this.dataDir = dataDir;
        this.databaseUrl = databaseUrl;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    public void register(Environment env) {
        Backups backups = new Backups(db, dataDir, clock, config.retentionDays);
        env.jersey().register(new BackupResource(backups, audit));
        env.admin().addTask(new BackupTask(backups, audit, mapper));
        if (db.dialect() != Dialect.SQLITE) {
            return;
        }
        ServiceLock lock;
        try {
            lock = ServiceLock.tryAcquire(RestoreCommand.databaseFile(databaseUrl));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the database's lock file", e);
        }
        if (lock == null) {
            LOG.warn("Another process holds the lock of this SQLite database: never run two services on one file");
        } else {
            env.lifecycle().manage(new Managed() {
                @Override
                public void stop() throws Exception {
                    lock.close();
                }
            });
        }
        long started = clock.millis() / 1000;
        env.metrics()
                .registerGauge(
                        "neobank_backup_last_good_timestamp_seconds",
                        () -> backups.newestEpochSeconds().orElse(0L));
        // With no backup yet, the age counts from this start: a fresh install is not a day late at once.
        env.metrics()
                .registerGauge(
                        "neobank_backup_age_seconds",
                        () -> clock.millis() / 1000
                                - backups.newestEpochSeconds().orElse(started));
        if (config.offsite.enabled()) {
            offsite(env, backups);
        }
        if (config.enabled) {
            new BackupSchedule(
                            backups,
                            env.lifecycle()
                                    .scheduledExecutorService("daily-backup")
                                    .threads(1)
                                    .build(),
                            clock,
                            config)
                    .start();
        }
    }

    /** Every kept backup copied to the bucket too, retried until it is there; visible in health and metrics. */
    private void offsite(Environment env, Backups backups) {
        OffsiteStore store = OffsiteStore.open(config.offsite);
        OffsiteUploads uploads = new OffsiteUploads(
                backups,
                store,
                env.lifecycle()
                        .scheduledExecutorService("offsite-backup")
                        .threads(1)
                        .build(),
                clock);
        backups.onKept(uploads::syncSoon);
        env.healthChecks().register("offsite-backups", uploads.health());
        env.metrics().registerGauge("neobank_backup_offsite_pending", uploads::pending);
        env.metrics()
                .registerGauge(
                        "neobank_backup_offsite_last_success_timestamp_seconds", uploads::lastSuccessEpochSeconds);
        env.lifecycle().manage(new Managed() {
            @Override
            public void start() {
                uploads.start(config.offsite.retryEvery.toMilliseconds());
                LOG.info("Off-site backups go to {}", store.uri(""));
            }

            @Override
            public void stop() {
                store.close();
            }
        });
    }

    /** The audit row of a backup taken on someone's request (a GM, or the admin task). */
    static void recordTaken(AuditLog audit, String admin, Backups.Backup b) {
        audit.record(
                admin,
                "backup",
                b.name(),
                b.sizeBytes() + " bytes, " + b.transactions() + " transactions, money supply " + b.moneySupply());
    }
}
