package city.neotropolis.neobank;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountDao;
import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.accounts.AccountsFeature;
import city.neotropolis.neobank.accounts.AdminBootstrap;
import city.neotropolis.neobank.accounts.AuthResource;
import city.neotropolis.neobank.accounts.Genesis;
import city.neotropolis.neobank.admin.AdminFeature;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.AuthFeature;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Principals;
import city.neotropolis.neobank.auth.SecretKeys;
import city.neotropolis.neobank.auth.TokenAuthenticator;
import city.neotropolis.neobank.auth.TokenRenewal;
import city.neotropolis.neobank.auth.Tokens;
import city.neotropolis.neobank.backup.BackupFeature;
import city.neotropolis.neobank.backup.RenewSecretsCommand;
import city.neotropolis.neobank.backup.RestoreCommand;
import city.neotropolis.neobank.backup.original.ImportOriginalCommand;
import city.neotropolis.neobank.casino.CasinoFeature;
import city.neotropolis.neobank.casino.SeedRenewal;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.db.SecretRenewal;
import city.neotropolis.neobank.external.ExternalFeature;
import city.neotropolis.neobank.health.HealthFeature;
import city.neotropolis.neobank.leaderboards.LeaderboardsFeature;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Journal;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.LedgerFeature;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.reversals.ReversalsFeature;
import city.neotropolis.neobank.stipends.StipendsFeature;
import city.neotropolis.neobank.transfers.TransfersFeature;
import city.neotropolis.neobank.web.DirectRoutes;
import city.neotropolis.neobank.web.ErrorWriter;
import city.neotropolis.neobank.web.RateLimiter;
import city.neotropolis.neobank.web.SlowClientsFeature;
import city.neotropolis.neobank.web.WebFeature;
import city.neotropolis.neobank.webapp.BalancePoll;
import city.neotropolis.neobank.webapp.WebAppFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.MigrationsBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NeoBank & Chrome Slots: the bank and casino of Neotropolis. {@link #run} builds the foundation
 * (database, ledger, who is calling) and then hands each feature exactly the parts it uses.
 */
public class NeoBankApplication extends Application<NeoBankConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(NeoBankApplication.class);

    /**
     * What a restored or imported database must renew before it serves anyone: the casino server
     * seeds (players may have seen them since) and every token's version. Kept as they were, on
     * purpose: idempotency replies (they match the restored journal and hold no secret), PIN
     * lockouts and hashes (docs/backups.md says what a GM re-checks).
     */
    public static final List<SecretRenewal> SECRET_RENEWALS = List.of(new SeedRenewal(), new TokenRenewal());

    private Database database;
    private DirectRoutes direct;

    public static void main(String[] args) throws Exception {
        new NeoBankApplication().run(args);
    }

    @Override
    public String getName() {
        return "neobank";
    }

    @Override
    public void initialize(Bootstrap<NeoBankConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false, true)));
        bootstrap.addCommand(new RestoreCommand<>(
                NeoBankConfiguration.class,
                NeoBankConfiguration::getDatabase,
                NeoBankConfiguration::getBackups,
                SECRET_RENEWALS));
        bootstrap.addCommand(new RenewSecretsCommand<>(
                NeoBankConfiguration.class, NeoBankConfiguration::getDatabase, SECRET_RENEWALS));
        bootstrap.addCommand(
                new ImportOriginalCommand<>(NeoBankConfiguration.class, NeoBankConfiguration::getDatabase));
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(NeoBankConfiguration configuration) {
                return configuration.getDatabase();
            }
        });
    }

    @Override
    public void run(NeoBankConfiguration config, Environment env) throws Exception {
        long started = System.nanoTime();
        // Start path: the decoy bcrypt Passwords makes (~0.2 s, cold) runs on the second core while
        // this thread opens the database; joined where it is first needed.
        CompletableFuture<Passwords> passwordsLater = CompletableFuture.supplyAsync(
                () -> new Passwords(
                        config.getSecurity().bcryptCost,
                        config.getSecurity().passwordThreads,
                        config.getSecurity().passwordQueue),
                NeoBankApplication::startThread);
        ObjectMapper mapper = env.getObjectMapper();
        configureJson(mapper);
        Clock clock = Clock.systemUTC();
        NeoBankConfiguration.Bank bank = config.getBank();
        NeoBankConfiguration.Security sec = config.getSecurity();
        NeoBankConfiguration.RateLimits rl = config.getRateLimits();
        Path dataDir = Path.of(bank.dataDir).toAbsolutePath();
        Files.createDirectories(dataDir);

        // The books: one database, the one class that moves credits, safe retries, the audit trail.
        database = Database.open(env, config.getDatabase(), bank.writeQueue, bank.maxBatch);
        Ledger ledger = new Ledger(Genesis.ensure(database, bank.houseBankroll, clock), clock);
        Idempotency idempotency = new Idempotency(database, mapper, clock);
        LedgerVerifier verifier = new LedgerVerifier(database);
        Journal journal = new Journal(database);
        AuditLog audit = new AuditLog(database, clock);

        // Who is calling: tokens, passwords, the cached principals, the rate limits.
        Passwords passwords = joined(passwordsLater);
        Tokens tokens = new Tokens(SecretKeys.load(sec.secretKey, dataDir), sec.tokenLifetime.toJavaDuration(), clock);
        Principals principals = new Principals(
                id -> AccountDao.findById(database, id)
                        .filter(a -> !a.isSystem())
                        .map(Account::player),
                principalTtl(sec, database.dialect()));
        RateLimiter limiter = new RateLimiter(rl.enabled);
        if (!rl.enabled) {
            LOG.warn("Rate limits are OFF (NEOBANK_RATE_LIMITS_ENABLED=false)");
        }
        AccountDirectory directory = new AccountDirectory(database.reads());
        AccountService accounts = new AccountService(database, ledger, passwords, principals, bank.startingBalance);
        // Start path: the first GM's bcrypt on a fresh database overlaps the features' registration.
        CompletableFuture<Void> firstGm = CompletableFuture.runAsync(
                () -> AdminBootstrap.ensure(database, accounts, passwords, sec.adminPassword),
                NeoBankApplication::startThread);

        TokenAuthenticator bearer = new TokenAuthenticator(tokens, principals);
        AdminFeature admin = new AdminFeature(
                database,
                accounts,
                directory,
                ledger,
                journal,
                idempotency,
                verifier,
                audit,
                passwords,
                principals,
                clock,
                bank.maxAmount);
        ErrorWriter errors = new ErrorWriter(mapper);
        direct = new DirectRoutes(bank.directRoutes, mapper, errors, admin.activity());

        // One statement per feature, each given only what it uses (kept as written: spotless:off).
        // spotless:off
        new WebFeature(errors, sec.corsOriginSet(), sec.maxBodyBytes, direct).register(env);
        new SlowClientsFeature(sec.maxBodyBytes, sec.bodyDeadline.toJavaDuration(), sec.maxConnections).register(env);
        new AuthFeature(tokens, principals).register(env);
        new AccountsFeature(accounts, journal, passwords, tokens, limiter, new AuthResource.Limits(
                rl.loginPerName.rule("login-name"), rl.loginPerIp.rule("login-ip"),
                rl.registerPerIp.rule("register-ip")), config.getRegistration().policy()).register(env);
        new TransfersFeature(ledger, idempotency, directory, bank.maxAmount, limiter,
                rl.transfersPerPlayer.rule("transfers")).register(env, direct, bearer::fromHeader);
        admin.register(env);
        new CasinoFeature(CasinoFeature.prepare(env), database, ledger, idempotency, audit, limiter,
                rl.spinsPerPlayer.rule("spins"), clock, bank.maxAmount).register(env, direct, bearer::fromHeader);
        new ExternalFeature(database, ledger, idempotency, directory, accounts, audit, passwords, limiter,
                rl.pinSetPerPlayer.rule("pin-set"), sec.bcryptCost, clock, bank.maxAmount)
                .withChips(SecretKeys.chipKey(sec.secretKey, dataDir), java.time.ZoneId.of(config.getStipends().timeZone)).register(env, direct);
        new BackupFeature(database, audit, dataDir, config.getDatabase().getUrl(), config.getBackups(), mapper,
                clock).register(env);
        new ReversalsFeature(ledger, idempotency, audit, clock).register(env);
        new StipendsFeature(database, ledger, audit, config.getStipends(), clock, bank.maxAmount).register(env);
        new LeaderboardsFeature(database, audit, clock).register(env);
        new LedgerFeature(verifier, idempotency).register(env);
        new HealthFeature(database, mapper).register(env);
        new WebAppFeature(mapper, new BalancePoll(bearer::fromHeader,
                accounts::byId, admin.activity(), mapper)).register(env);
        config.getHttps().addTo(config.getServerFactory());
        // spotless:on
        joined(firstGm);
        LOG.info(
                "NeoBank ready to start on {} in {} ms",
                database.dialect(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** A thread of its own for start-up work that overlaps the main thread's (2 cores: no pool). */
    private static void startThread(Runnable work) {
        Thread t = new Thread(work, "start-helper");
        t.setDaemon(true);
        t.start();
    }

    /** The result of start-up work done on another thread, its failure as if it had happened here. */
    private static <T> T joined(CompletableFuture<T> work) throws Exception {
        try {
            return work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * With several replicas (PostgreSQL), another replica's freeze or password change reaches this
     * one only through the database: keep what it caches about a token short-lived.
     */
    private static Duration principalTtl(NeoBankConfiguration.Security sec, Dialect dialect) {
        Duration ttl = sec.principalCache.toJavaDuration();
        Duration replicas = Duration.ofSeconds(2);
        return dialect == Dialect.POSTGRESQL && ttl.compareTo(replicas) > 0 ? replicas : ttl;
    }

    /** snake_case JSON, and strict about types so that a wrong type is a clear 400, not a guess. */
    static void configureJson(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        // Emoji outside the BMP (the slot symbols, players' memos) as raw UTF-8 like every other
        // character: by default Jackson escapes each half of their surrogate pair (backslash-u D83D ...).
        mapper.setConfig(mapper.getSerializationConfig().with(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8));
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType t :
                new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(t)
                    .setCoercion(
                            CoercionInputShape.Integer,
                            t == LogicalType.Integer || t == LogicalType.Float
                                    ? CoercionAction.TryConvert
                                    : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Float,
                            t == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.Boolean,
                            t == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.String,
                            t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Object, CoercionAction.Fail)
                    .setCoercion(
                            CoercionInputShape.EmptyString,
                            t == LogicalType.Textual ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
    }

    /** The routes answered before Jersey, for tests that check which path answered. */
    public DirectRoutes directRoutes() {
        return direct;
    }

    /** The database, for tests and admin tasks that run inside the same process. */
    public Database database() {
        return database;
    }
}
