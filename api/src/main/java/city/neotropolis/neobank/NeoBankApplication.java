package city.neotropolis.neobank;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountResource;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.admin.AdminFeature;
import city.neotropolis.neobank.admin.AuditLog;
import city.neotropolis.neobank.auth.AdminBootstrap;
import city.neotropolis.neobank.casino.CasinoFeature;
import city.neotropolis.neobank.casino.CasinoGames;
import city.neotropolis.neobank.auth.AuthResource;
import city.neotropolis.neobank.auth.JwtAuthFilter;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.auth.Principals;
import city.neotropolis.neobank.auth.SecretKeys;
import city.neotropolis.neobank.auth.TokenAuthenticator;
import city.neotropolis.neobank.auth.Tokens;
import city.neotropolis.neobank.backup.RestoreCommand;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.external.ExternalFeature;
import city.neotropolis.neobank.health.HealthServlet;
import city.neotropolis.neobank.health.PrometheusMetrics;
import city.neotropolis.neobank.ledger.Genesis;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.ledger.SystemAccounts;
import city.neotropolis.neobank.ledger.TransferResource;
import city.neotropolis.neobank.web.BodyLimitFilter;
import city.neotropolis.neobank.web.EdgeFilter;
import city.neotropolis.neobank.web.ErrorMappers;
import city.neotropolis.neobank.web.JsonErrorHandler;
import city.neotropolis.neobank.web.RateLimiter;
import city.neotropolis.neobank.webapp.WebAppFeature;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.migrations.MigrationsBundle;
import jakarta.servlet.DispatcherType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** NeoBank & Chrome Slots: the bank and casino of Neotropolis. */
public class NeoBankApplication extends Application<NeoBankConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(NeoBankApplication.class);

    private Database database;
    private Core core;

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
        bootstrap.addCommand(new RestoreCommand());
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
        CompletableFuture<CasinoGames> casino = CasinoFeature.prepare();
        configureJson(env.getObjectMapper());
        Clock clock = Clock.systemUTC();
        Path dataDir = Path.of(config.getBank().dataDir).toAbsolutePath();
        Files.createDirectories(dataDir);

        database = Database.open(env, config.getDatabase(), config.getBank().writeQueue, config.getBank().maxBatch);
        SystemAccounts system = Genesis.ensure(database, config.getBank().houseBankroll, clock);
        Ledger ledger = new Ledger(system, clock);
        Idempotency idempotency = new Idempotency(database, env.getObjectMapper(), clock);

        NeoBankConfiguration.Security sec = config.getSecurity();
        Tokens tokens = new Tokens(SecretKeys.load(sec.secretKey, dataDir), sec.tokenLifetime.toJavaDuration(), clock);
        Passwords passwords = new Passwords(sec.bcryptCost);
        // With several replicas (PostgreSQL), another replica's freeze or password change reaches
        // this one only through the database: keep what it caches about a token short-lived.
        java.time.Duration principalTtl = sec.principalCache.toJavaDuration();
        if (database.dialect() == Dialect.POSTGRESQL && principalTtl.compareTo(java.time.Duration.ofSeconds(2)) > 0) {
            principalTtl = java.time.Duration.ofSeconds(2);
        }
        Principals principals = new Principals(database.reads(), principalTtl);
        AccountDirectory directory = new AccountDirectory(database.reads());
        AccountService accounts = new AccountService(database, ledger, passwords, principals,
                config.getBank().startingBalance);
        AdminBootstrap.ensure(database, accounts, passwords, sec.adminPassword);

        NeoBankConfiguration.RateLimits rl = config.getRateLimits();
        RateLimiter limiter = new RateLimiter(rl.enabled);
        if (!rl.enabled) {
            LOG.warn("Rate limits are OFF (NEOBANK_RATE_LIMITS_ENABLED=false)");
        }
        LedgerVerifier verifier = new LedgerVerifier(database);
        core = new Core(config, dataDir, clock, env.getObjectMapper(), database, ledger, idempotency, verifier,
                new AuditLog(clock), tokens, passwords, principals, directory, accounts, limiter);

        env.jersey().register(new AuthDynamicFeature(new JwtAuthFilter.Builder()
                .setAuthenticator(new TokenAuthenticator(tokens, principals))
                .setAuthorizer((player, role, ctx) -> Player.GM.equals(role) && player.isAdmin())
                .setPrefix("Bearer")
                .buildAuthFilter()));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(Player.class));

        env.jersey().register(new ErrorMappers.Api());
        env.jersey().register(new ErrorMappers.Json());
        env.jersey().register(new ErrorMappers.Web());
        env.jersey().register(new ErrorMappers.Unexpected());

        env.jersey().register(new AuthResource(accounts, passwords, tokens, limiter, new AuthResource.Limits(
                rl.loginPerName.rule("login-name"), rl.loginPerIp.rule("login-ip"),
                rl.registerPerIp.rule("register-ip"))));
        env.jersey().register(new AccountResource(accounts, tokens));
        env.jersey().register(new TransferResource(ledger, idempotency, directory, limiter,
                rl.transfersPerPlayer.rule("transfers"), config.getBank().maxAmount));
        registerFeatures(core, env, casino);
        WebAppFeature.register(env);

        env.servlets().addServlet("health", new HealthServlet(database)).addMapping("/health");
        PrometheusMetrics.register(env);
        env.servlets().addFilter("edge", new EdgeFilter(sec.corsOriginSet()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.servlets().addFilter("body-limit", new BodyLimitFilter(sec.maxBodyBytes))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/*");
        env.getApplicationContext().setErrorHandler(new JsonErrorHandler.Servlet());
        env.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));

        ScheduledExecutorService housekeeping = env.lifecycle().scheduledExecutorService("housekeeping").build();
        housekeeping.scheduleWithFixedDelay(() -> {
            try {
                idempotency.prune();
            } catch (RuntimeException e) {
                LOG.warn("Could not prune idempotency records", e);
            }
        }, 1, 60, TimeUnit.MINUTES);

        env.healthChecks().register("ledger", new com.codahale.metrics.health.HealthCheck() {
            @Override
            protected Result check() {
                LedgerVerifier.Report r = verifier.verify();
                return r.ok() ? Result.healthy("money supply " + r.moneySupply()) : Result.unhealthy(r.violation());
            }
        });
        LOG.info("NeoBank ready to start on {} in {} ms", database.dialect(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /** Each feature beyond the foundation registers its routes, tasks and jobs here, one line each. */
    private static void registerFeatures(Core core, Environment env, CompletableFuture<CasinoGames> casino) {
        AdminFeature.register(core, env);
        CasinoFeature.register(core, env, casino);
        ExternalFeature.register(core, env);
    }

    /** snake_case JSON, and strict about types so that a wrong type is a clear 400, not a guess. */
    static void configureJson(ObjectMapper mapper) {
        mapper.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType t : new LogicalType[] {LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean}) {
            mapper.coercionConfigFor(t)
                    .setCoercion(CoercionInputShape.Integer, t == LogicalType.Integer || t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, t == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, t == LogicalType.Boolean
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, t == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Array, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Object, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, t == LogicalType.Textual
                            ? CoercionAction.TryConvert : CoercionAction.Fail);
        }
    }

    /** The shared services, for tests and admin tasks that run inside the same process. */
    public Core core() {
        return core;
    }

    /** The database, for tests and admin tasks that run inside the same process. */
    public Database database() {
        return database;
    }
}
