package city.neotropolis.neobank.db;

import city.neotropolis.neobank.money.Credits;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.ui.LoggerUIService;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The database as the rest of the service sees it: a pool for reads, one {@link Writer} for every
 * write, and the same migrations on SQLite and PostgreSQL.
 */
public final class Database implements Managed {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Database.class);
    private final Dialect dialect;
    private final Jdbi reads;
    private final DataSource readSource;
    private final ReadLanes lanes;
    private final Writer writer;

    private Database(Dialect dialect, Jdbi reads, DataSource readSource, ReadLanes lanes, Writer writer) {
        this.dialect = dialect;
        this.reads = reads;
        this.readSource = readSource;
        this.lanes = lanes;
        this.writer = writer;
    }

    /** Fills in the driver and the connection settings each database needs. */
    static final String STATEMENT_CACHE =
            "org.apache.tomcat.jdbc.pool.interceptor.StatementCache(prepared=true,callable=false,max=2000)";

    public static Dialect prepare(DataSourceFactory dsf) throws Exception {
        Dialect dialect = Dialect.of(dsf.getUrl());
        dsf.setDriverClass(dialect.driverClass());
        dsf.setAutoCommentsEnabled(false);
        // Prepared statements kept per pooled connection, so a request's reads skip parsing and
        // planning their SQL (the same few dozen statements all day); a statement returned to the
        // cache is reset, so it holds no snapshot. Unless the configuration names its own interceptors.
        if (dsf.getJdbcInterceptors().isEmpty()) {
            dsf.setJdbcInterceptors(Optional.of(STATEMENT_CACHE));
        }
        Map<String, String> props = new HashMap<>(dsf.getProperties());
        if (dialect == Dialect.SQLITE) {
            String file = dsf.getUrl().substring("jdbc:sqlite:".length());
            int q = file.indexOf('?');
            Path parent = Path.of(q < 0 ? file : file.substring(0, q))
                    .toAbsolutePath()
                    .getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // The one place SQLite's pragmas are set: an acknowledged transfer must survive a power cut
            // (WAL, synchronous=FULL), writers wait for each other instead of failing, keys are enforced.
            props.put("journal_mode", "WAL");
            props.put("synchronous", "FULL");
            props.put("busy_timeout", "10000");
            props.put("foreign_keys", "true");
        }
        dsf.setProperties(props);
        return dialect;
    }

    /** Applies pending migrations on a connection pool of its own, closed afterwards. */
    public static void migrate(DataSourceFactory dsf) throws Exception {
        long t0 = System.nanoTime();
        String fingerprint = SchemaFingerprint.ofChangelogs();
        if (SchemaFingerprint.matches(dsf, fingerprint)) {
            LOG.info("Schema is up to date with these migrations ({} ms)", (System.nanoTime() - t0) / 1_000_000);
            return;
        }
        ManagedDataSource ds = dsf.build(new MetricRegistry(), "migrations");
        // Liquibase talks to stdout through its UI service; send that to the log instead. Two of its
        // defaults cost a start and buy a running service nothing: checking every changelog against
        // the XSD (about a third of a first start's Liquibase time; MigrationsTest does it at build
        // time instead) and asking config.liquibase.com whether to send usage analytics.
        Scope.child(
                Map.of(
                        Scope.Attr.ui.name(),
                        new LoggerUIService(),
                        "liquibase.showSummaryOutput",
                        UpdateSummaryOutputEnum.LOG,
                        "liquibase.validateXmlChangelogFiles",
                        false,
                        "liquibase.analytics.enabled",
                        false),
                () -> {
                    try (CloseableLiquibaseWithClassPathMigrationsFile liquibase =
                            new CloseableLiquibaseWithClassPathMigrationsFile(ds, "migrations.xml")) {
                        // The summary setting is read when the Liquibase object is made: set it on the object too.
                        liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
                        liquibase.update("");
                    }
                });
        try {
            SchemaFingerprint.store(dsf, fingerprint);
        } catch (SQLException e) {
            // Only a shortcut for the next start (another replica may be storing it right now).
            LOG.warn("Could not store the schema fingerprint; the next start runs Liquibase again: {}", e.getMessage());
        }
        LOG.info("Migrations checked and applied in {} ms", (System.nanoTime() - t0) / 1_000_000);
    }

    /** One connection of its own, with the settings {@link #prepare} chose (for commands run with the service stopped). */
    public static Connection connect(DataSourceFactory dsf) throws SQLException {
        return SchemaFingerprint.connect(dsf);
    }

    public static Database open(Environment env, DataSourceFactory dsf, int writeQueue, int maxBatch) throws Exception {
        Dialect dialect = prepare(dsf);
        migrate(dsf);
        ManagedDataSource readSource = dsf.build(env.metrics(), "db");
        Jdbi reads = configure(new JdbiFactory().build(env, dsf, readSource, "db"));
        // Dropwizard times every statement by its SQL text into the metric registry: a timer update
        // and a name lookup per statement on every request, for figures nothing reads (the request
        // timings and the bank's own metrics are what operators use). Off: measured in bench/README.md.
        reads.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        Writer writer;
        ReadLanes lanes = null;
        if (dialect == Dialect.SQLITE) {
            Properties props = new Properties();
            props.putAll(dsf.getProperties());
            List<Connection> laneConnections = new ArrayList<>();
            // Twice the cores: with one lane per core, a third of the time a reader found both taken
            // and parked (the unlock's wake-up was 3 % of a read's CPU). A lane costs a few pages.
            for (int i = 0; i < Math.max(4, 2 * Runtime.getRuntime().availableProcessors()); i++) {
                laneConnections.add(DriverManager.getConnection(dsf.getUrl(), props));
            }
            lanes = new ReadLanes(laneConnections);
            // The writer's temporary files in memory: each unit runs in a savepoint, and SQLite keeps
            // the first image of every page a unit changes in a sub-journal, by default a temp file.
            // Writing that file was a fifth of a spin's CPU (bench/README.md); in memory it is bounded
            // by the pages one unit touches. Readers keep the default: their sorts may be large.
            Properties writerProps = new Properties();
            writerProps.putAll(props);
            writerProps.put("temp_store", "MEMORY");
            Connection c = DriverManager.getConnection(dsf.getUrl(), writerProps);
            Jdbi single = configure(Jdbi.create(c));
            single.installPlugin(new SqlObjectPlugin());
            writer = new SqliteGroupCommitWriter(c, single, writeQueue, maxBatch);
        } else {
            writer = new PooledWriter(reads);
        }
        Database db = new Database(dialect, reads, readSource, lanes, writer);
        // Exported as named here (see health/PrometheusMetrics): how far behind the one writer is.
        env.metrics().registerGauge("neobank_writer_queue_depth", writer::queueDepth);
        env.metrics().registerGauge("neobank_writer_queue_capacity", () -> writeQueue);
        // Writing starts now, not at server start: first-start setup (mint, house, first GM) needs it.
        writer.start();
        env.lifecycle().manage(db);
        return db;
    }

    static Jdbi configure(Jdbi jdbi) {
        jdbi.registerColumnMapper(Credits.class, (rs, col, ctx) -> new Credits(rs.getLong(col)));
        jdbi.registerArgument(new CreditsArgumentFactory());
        return jdbi;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbi reads() {
        return reads;
    }

    /** Sets the parameters of a {@link #readOne} statement. */
    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    /**
     * One row (or none) in plain JDBC: for the few reads that nearly every request makes (who is
     * calling, their balance), where Jdbi's per-statement machinery and the pool cost more CPU than
     * the query itself (bench/README.md). On SQLite through {@link ReadLanes}, on PostgreSQL through
     * the read pool. Everything else reads through {@link #reads()}.
     */
    public <T> Optional<T> readOne(String sql, Binder binder, RowMapper<T> mapper) {
        if (lanes != null) {
            try {
                return lanes.one(sql, binder, mapper);
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException(e, null);
            }
        }
        try (Connection c = readSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(mapper.map(rs, null)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    public Writer writer() {
        return writer;
    }

    /** Reads that must agree with each other: one snapshot of the whole database. */
    public <T, X extends Exception> T snapshot(HandleCallback<T, X> callback) throws X {
        try (Handle h = reads.open()) {
            if (dialect == Dialect.POSTGRESQL) {
                return h.inTransaction(TransactionIsolationLevel.REPEATABLE_READ, callback::withHandle);
            }
            return h.inTransaction(callback::withHandle);
        }
    }

    @Override
    public void start() {}

    @Override
    public void stop() throws Exception {
        writer.stop();
        if (lanes != null) {
            lanes.close();
        }
    }
}
