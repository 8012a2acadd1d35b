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

    /** The audit row of a backup taken on someone's request (a GM, or the admin task). */
    static void recordTaken(AuditLog audit, String admin, Backups.Backup b) {
        audit.record(
                admin,
                "backup",
                b.name(),
                b.sizeBytes() + " bytes, " + b.transactions() + " transactions, money supply " + b.moneySupply());
    }
}
