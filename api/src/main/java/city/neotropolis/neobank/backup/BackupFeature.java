package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.Core;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.db.Dialect;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Backups: the GM routes, the admin task, the daily schedule, and the lock a restore looks for. */
public final class BackupFeature {
    private static final Logger LOG = LoggerFactory.getLogger(BackupFeature.class);

    private BackupFeature() {}

    public static void register(Core core, Environment env) {
        NeoBankConfiguration.Backups config = core.config().getBackups();
        Backups backups = new Backups(core.db(), core.dataDir(), core.clock(), config.retentionDays);
        env.jersey().register(new BackupResource(core, backups));
        env.admin().addTask(new BackupTask(core, backups));
        if (core.db().dialect() != Dialect.SQLITE) {
            return;
        }
        ServiceLock lock;
        try {
            lock = ServiceLock.tryAcquire(RestoreCommand.databaseFile(core.config().getDatabase().getUrl()));
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
            new BackupSchedule(backups, env.lifecycle().scheduledExecutorService("daily-backup").threads(1).build(),
                    core.clock(), config).start();
        }
    }

    /** The audit row of a backup taken on someone's request (a GM, or the admin task). */
    static void recordTaken(Core core, String admin, Backups.Backup b) {
        core.db().writer().write(s -> {
            core.audit().record(s, admin, "backup", b.name(), b.sizeBytes() + " bytes, " + b.transactions()
                    + " transactions, money supply " + b.moneySupply());
            return null;
        });
    }
}
