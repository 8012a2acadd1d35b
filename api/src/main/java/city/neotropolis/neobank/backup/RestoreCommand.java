package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.db.SecretRenewal;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code java -jar neobank.jar restore config.yml FILE}, with the service stopped: checks FILE
 * (integrity and ledger invariants), moves the current database and its -wal/-shm aside to
 * {@code neobank.db.before-restore-<time>}, copies FILE into its place and renews the secrets the
 * backup brought back ({@link SecretRenewal}: casino server seeds, token versions) before any
 * service can open it.
 */
public final class RestoreCommand<T extends Configuration> extends ConfiguredCommand<T> {
    private final Class<T> configurationClass;
    private final Function<T, DataSourceFactory> database;
    private final Function<T, BackupConfig> backups;
    private final List<SecretRenewal> renewals;

    /**
     * {@code database} picks the database settings out of the application's configuration;
     * {@code backups} gives the off-site store's settings, for restoring from {@code s3://bucket/key};
     * {@code renewals} are run on the restored file.
     */
    public RestoreCommand(
            Class<T> configurationClass,
            Function<T, DataSourceFactory> database,
            Function<T, BackupConfig> backups,
            List<SecretRenewal> renewals) {
        super("restore", "Replace the SQLite database with a checked backup (stop the service first)");
        this.configurationClass = configurationClass;
        this.database = database;
        this.backups = backups;
        this.renewals = List.copyOf(renewals);
    }

    @Override
    protected Class<T> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser
                .addArgument("backup")
                .metavar("FILE")
                .help(
                        "the backup to restore: a file (neobank-*.db) or an object s3://bucket/key in the off-site store");
    }

    @Override
    protected void run(Bootstrap<T> bootstrap, Namespace namespace, T config) throws Exception {
        String url = database.apply(config).getUrl();
        String backup = namespace.getString("backup");
        if (!backup.startsWith("s3://")) {
            restore(url, Path.of(backup), renewals, Clock.systemUTC(), System.out);
            return;
        }
        restoreObject(url, backups.apply(config).offsite, backup, renewals, Clock.systemUTC(), System.out);
    }

    /**
     * Restores from the off-site store: the object is downloaded next to the database, then checked
     * and restored exactly as a local file would be, and the download deleted afterwards.
     */
    public static Path restoreObject(
            String url, OffsiteConfig store, String s3Uri, List<SecretRenewal> renewals, Clock clock, PrintStream out)
            throws IOException {
        if (Dialect.of(url) != Dialect.SQLITE) {
            throw new IllegalStateException("restore replaces a SQLite file; on PostgreSQL use pg_restore");
        }
        Path db = databaseFile(url);
        Files.createDirectories(db.getParent());
        Path download = db.resolveSibling(".download-" + clock.millis() + ".db");
        out.println("Downloading " + s3Uri + " ...");
        try {
            OffsiteStore.fetch(store, s3Uri, download);
            return restore(url, download, renewals, clock, out);
        } finally {
            Files.deleteIfExists(download);
        }
    }

    /**
     * A refusal (service running, bad backup, PostgreSQL) or a file problem is one clear line on
     * stderr, not a stack trace; Dropwizard still exits non-zero. Anything else is a bug: full trace.
     */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalStateException || e instanceof IOException) {
            cli.getStdErr().println("restore: " + e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /** The whole restore; returns where the previous database was moved (null when there was none). */
    public static Path restore(String url, Path backup, List<SecretRenewal> renewals, Clock clock, PrintStream out)
            throws IOException {
        if (Dialect.of(url) != Dialect.SQLITE) {
            throw new IllegalStateException("restore replaces a SQLite file; on PostgreSQL use pg_restore");
        }
        Path db = databaseFile(url);
        out.println("Checking " + backup + " ...");
        BackupCheck.Result check = BackupCheck.check(backup);
        if (!check.ok()) {
            throw new IllegalStateException("Refusing to restore " + backup + ": " + check.problem());
        }
        out.println("  integrity ok; ledger ok: " + check.ledger().accounts() + " accounts, "
                + check.ledger().transactions() + " transactions, money supply "
                + check.ledger().moneySupply());
        Files.createDirectories(db.getParent());
        try (ServiceLock lock = ServiceLock.tryAcquire(db)) {
            if (lock == null) {
                throw new IllegalStateException("The service is running on " + db + ": stop it, then restore");
            }
            Path aside = null;
            if (Files.exists(db)) {
                String stamp = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                aside = db.resolveSibling(db.getFileName() + ".before-restore-" + stamp);
                Files.move(db, aside);
                for (String suffix : new String[] {"-wal", "-shm"}) {
                    Path side = db.resolveSibling(db.getFileName() + suffix);
                    if (Files.exists(side)) {
                        Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
                    }
                }
                out.println("Moved the current database aside to " + aside);
            }
            Path tmp = db.resolveSibling(db.getFileName() + ".restoring");
            Files.copy(backup, tmp, StandardCopyOption.REPLACE_EXISTING);
            renew(tmp, renewals, clock, out);
            Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE);
            out.println("Restored " + backup + " to " + db + ". Start the service.");
            return aside;
        }
    }

    /** Renews the secrets in the copy before it takes the database's place: never live unrenewed. */
    private static void renew(Path file, List<SecretRenewal> renewals, Clock clock, PrintStream out)
            throws IOException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            for (String line : SecretRenewal.runAll(c, renewals, clock.millis())) {
                out.println("  renewed " + line);
            }
            try (var st = c.createStatement()) {
                // Everything into the main file, so the file moved into place is the whole database.
                st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
        } catch (SQLException e) {
            Files.deleteIfExists(file);
            throw new IOException("Could not renew the secrets of the restored copy: " + e.getMessage(), e);
        }
        for (String suffix : new String[] {"-wal", "-shm", "-journal"}) {
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
    }

    /** The file behind a {@code jdbc:sqlite:} URL. */
    public static Path databaseFile(String url) {
        String file = url.substring("jdbc:sqlite:".length());
        if (file.startsWith("file:")) {
            file = file.substring("file:".length());
        }
        int q = file.indexOf('?');
        return Path.of(q < 0 ? file : file.substring(0, q)).toAbsolutePath();
    }
}
