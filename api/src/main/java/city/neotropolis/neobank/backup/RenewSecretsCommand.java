package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.db.SecretRenewal;
import io.dropwizard.core.Configuration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.function.Function;
import net.sourceforge.argparse4j.inf.Namespace;

/**
 * {@code java -jar neobank.jar renew-secrets config.yml}: the renewals {@code restore} runs on its
 * own, for a database that came back another way ({@code pg_restore} on PostgreSQL, a copied
 * SQLite file). On SQLite the service must be stopped.
 */
public final class RenewSecretsCommand<T extends Configuration> extends ConfiguredCommand<T> {
    private final Class<T> configurationClass;
    private final Function<T, DataSourceFactory> database;
    private final List<SecretRenewal> renewals;

    public RenewSecretsCommand(
            Class<T> configurationClass, Function<T, DataSourceFactory> database, List<SecretRenewal> renewals) {
        super(
                "renew-secrets",
                "After pg_restore or a copied database: retire every casino server seed and token it brought back");
        this.configurationClass = configurationClass;
        this.database = database;
        this.renewals = List.copyOf(renewals);
    }

    @Override
    protected Class<T> getConfigurationClass() {
        return configurationClass;
    }

    @Override
    protected void run(Bootstrap<T> bootstrap, Namespace namespace, T config) throws Exception {
        renew(database.apply(config), renewals, System.currentTimeMillis(), System.out);
    }

    /** Runs the renewals on the configured database, refusing a SQLite file a service holds. */
    public static void renew(DataSourceFactory f, List<SecretRenewal> renewals, long now, PrintStream out)
            throws Exception {
        String url = f.getUrl();
        ServiceLock lock = null;
        if (Dialect.of(url) == Dialect.SQLITE) {
            lock = ServiceLock.tryAcquire(RestoreCommand.databaseFile(url));
            if (lock == null) {
                throw new IllegalStateException("The service is running on " + url + ": stop it, then renew");
            }
        }
        try (Connection c = DriverManager.getConnection(url, f.getUser(), f.getPassword())) {
            for (String line : SecretRenewal.runAll(c, renewals, now)) {
                out.println("Renewed " + line);
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
