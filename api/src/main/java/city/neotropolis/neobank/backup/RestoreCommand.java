package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.db.Dialect;
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
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code java -jar neobank.jar restore config.yml FILE}, with the service stopped: checks FILE
 * (integrity and ledger invariants), moves the current database and its -wal/-shm aside to
 * {@code neobank.db.before-restore-<time>}, and copies FILE into its place.
 */
public final class RestoreCommand<T extends Configuration> extends ConfiguredCommand<T> {
    private final Class<T> configurationClass;
    private final Function<T, DataSourceFactory> database;

    /** {@code database} picks the database settings out of the application's configuration. */
    public RestoreCommand(Class<T> configurationClass, Function<T, DataSourceFactory> database) {
        super("restore", "Replace the SQLite database with a checked backup (stop the service first)");
        this.configurationClass = configurationClass;
        this.database = database;
    }

    @Override
    protected Class<T> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("backup").metavar("FILE").help("the backup file to restore (neobank-*.db)");
    }

    @Override
    protected void run(Bootstrap<T> bootstrap, Namespace namespace, T config) throws Exception {
        restore(database.apply(config).getUrl(), Path.of(namespace.getString("backup")), Clock.systemUTC(), System.out);
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
    public static Path restore(String url, Path backup, Clock clock, PrintStream out) throws IOException {
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
            Files.move(tmp, db, StandardCopyOption.ATOMIC_MOVE);
            out.println("Restored " + backup + " to " + db + ". Start the service.");
            return aside;
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
