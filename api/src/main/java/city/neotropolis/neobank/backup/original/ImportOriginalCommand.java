package city.neotropolis.neobank.backup.original;

import city.neotropolis.neobank.backup.RestoreCommand;
import city.neotropolis.neobank.backup.ServiceLock;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.Dialect;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@code java -jar neobank.jar import-original config.yml SOURCE}: moves an event from the original
 * NeoBank (its SQLite file, or a {@code jdbc:postgresql:} URL of its database) into an empty NeoBank
 * database, in one transaction, with the service stopped. {@code --dry-run} prints the same report
 * and writes nothing. The runbook is docs/import.md.
 */
public final class ImportOriginalCommand<T extends Configuration> extends ConfiguredCommand<T> {
    /** Where the original's PostgreSQL password comes from: the environment, never the command line. */
    public static final String SOURCE_PASSWORD_ENV = "NEOBANK_IMPORT_SOURCE_PASSWORD";

    private final Class<T> configurationClass;
    private final Function<T, DataSourceFactory> database;

    public ImportOriginalCommand(Class<T> configurationClass, Function<T, DataSourceFactory> database) {
        super("import-original", "Import the original NeoBank's database into an empty one (stop the service first)");
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
        subparser
                .addArgument("source")
                .metavar("SOURCE")
                .help("the original's SQLite file (a copy, taken with it stopped), or a jdbc:postgresql:// URL");
        subparser
                .addArgument("--dry-run")
                .dest("dryRun")
                .action(Arguments.storeTrue())
                .help("print the report and write nothing");
        subparser
                .addArgument("--key-account")
                .dest("keyAccount")
                .metavar("ACCOUNT")
                .help("bind the original's API keys to this imported account (default: none)");
        subparser
                .addArgument("--key-scopes")
                .dest("keyScopes")
                .metavar("SCOPES")
                .help("comma-separated scopes for the original's API keys (default: balance:read,transfer:any, "
                        + "what they could do in the original)");
        subparser
                .addArgument("--source-user")
                .dest("sourceUser")
                .metavar("USER")
                .help("PostgreSQL user for SOURCE (password from " + SOURCE_PASSWORD_ENV + ")");
    }

    @Override
    protected void run(Bootstrap<T> bootstrap, Namespace ns, T config) throws Exception {
        String scopes = ns.getString("keyScopes");
        OriginalImport.Options options = new OriginalImport.Options(
                ns.getString("keyAccount"),
                scopes == null ? List.of() : Arrays.asList(scopes.split(",")),
                Boolean.TRUE.equals(ns.getBoolean("dryRun")));
        importOriginal(
                database.apply(config),
                ns.getString("source"),
                ns.getString("sourceUser"),
                System.getenv(SOURCE_PASSWORD_ENV),
                options,
                Clock.systemUTC(),
                System.out);
    }

    /** A refusal is a message for the operator, not a stack trace. */
    @Override
    public void onError(Cli cli, Namespace namespace, Throwable e) {
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            cli.getStdErr().println(e.getMessage());
        } else {
            super.onError(cli, namespace, e);
        }
    }

    /** The whole import; prints and returns the report. */
    public static ImportReport importOriginal(
            DataSourceFactory dsf,
            String source,
            String sourceUser,
            String sourcePassword,
            OriginalImport.Options options,
            Clock clock,
            PrintStream out)
            throws Exception {
        out.println("Reading " + source + " ...");
        OriginalDatabase.Contents contents = OriginalDatabase.read(source, sourceUser, sourcePassword);
        Dialect dialect = Database.prepare(dsf);
        ServiceLock lock = null;
        if (dialect == Dialect.SQLITE) {
            Path db = RestoreCommand.databaseFile(dsf.getUrl());
            Files.createDirectories(db.getParent());
            lock = ServiceLock.tryAcquire(db);
            if (lock == null) {
                throw new IllegalStateException("The service is running on " + db + ": stop it, then import");
            }
        }
        try {
            // The schema, as the service would make it at its first start.
            Database.migrate(dsf);
            ImportReport report;
            try (Handle h = Jdbi.create(() -> Database.connect(dsf)).open()) {
                report = OriginalImport.run(contents, h, dialect, options, clock);
            }
            report.print(out);
            return report;
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
