package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.metrics.BankMetrics;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.DirectRoutes;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chrome Slots: wires the casino's services and routes into the service. */
public final class CasinoFeature {
    private static final Logger LOG = LoggerFactory.getLogger(CasinoFeature.class);

    private final CasinoGames games;
    private final Database db;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final RateLimiter limiter;
    private final RateLimiter.Rule spinsPerPlayer;
    private final Clock clock;
    private final Credits maxAmount;

    /** {@code games} from {@link #prepare}; {@code maxAmount} caps the bet limits a GM may set. */
    public CasinoFeature(
            CasinoGames games,
            Database db,
            Ledger ledger,
            Idempotency idempotency,
            AuditLog audit,
            RateLimiter limiter,
            RateLimiter.Rule spinsPerPlayer,
            Clock clock,
            Credits maxAmount) {
        this.games = games;
        this.db = db;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.audit = audit;
        this.limiter = limiter;
        this.spinsPerPlayer = spinsPerPlayer;
        this.clock = clock;
        this.maxAmount = maxAmount;
    }

    /**
     * The games, their reel sets solved and verified on a thread of their own once the server has
     * started: about a second of CPU that no longer competes with start-up on a 2-core machine (it
     * used to overlap it, and the JIT compilers took the second core). A casino request in the first
     * moments after start waits for it. A setting that fails verification stops the service, as it
     * stopped the start before.
     */
    public static CasinoGames prepare(Environment env) {
        CompletableFuture<Map<String, CasinoGames.Game>> solved = new CompletableFuture<>();
        env.lifecycle().addServerLifecycleListener(server -> {
            Thread t = new Thread(
                    () -> {
                        long t0 = System.nanoTime();
                        try {
                            solved.complete(CasinoGames.solve());
                            LOG.info(
                                    "Casino reel sets for {} games x {} settings verified in {} ms",
                                    GameMath.GAMES.size(),
                                    GameMath.MAX_PAYOUT - GameMath.MIN_PAYOUT + 1,
                                    (System.nanoTime() - t0) / 1_000_000);
                        } catch (RuntimeException | Error e) {
                            solved.completeExceptionally(e);
                            LOG.error("Casino reel sets failed verification; stopping the service", e);
                            System.exit(1);
                        }
                    },
                    "casino-math");
            t.setDaemon(true);
            t.start();
        });
        return new CasinoGames(solved);
    }

    /**
     * How long a spin may use a game's remembered settings. SQLite: until this process changes them
     * (it is their only writer while it runs). PostgreSQL: another replica's change reaches this one
     * only through the database, so at most 2 s, the same bound as the principal cache's there.
     */
    static Duration configAge(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? Duration.ofSeconds(2) : null;
    }

    /** {@code bearer}: who an Authorization header speaks for, for the spin answered before Jersey. */
    public void register(Environment env, DirectRoutes direct, Function<String, Optional<Player>> bearer) {
        Fairness fairness = new Fairness(clock);
        CasinoConfigService configs = new CasinoConfigService(
                db, games, audit, clock, maxAmount, new GameConfigCache(configAge(db.dialect()), System::nanoTime));
        SpinService spins = new SpinService(ledger, idempotency, configs, fairness, clock);
        SpinLookup lookup = new SpinLookup(db, games);
        GameMath.GAMES.forEach(BankMetrics::knownGame);
        CasinoResource floor = new CasinoResource(games, configs, spins, lookup, limiter, spinsPerPlayer);
        env.jersey().register(floor);
        direct.post(
                "/api/" + CasinoResource.PATH + "/{}/spin",
                SpinService.SpinRequest.class,
                call -> bearer.apply(call.header("Authorization"))
                        .map(p -> new DirectRoutes.Answer(
                                p.id(), () -> floor.spin(p, call.param(), call.body(), call.header("Idempotency-Key"))))
                        .orElse(null));
        env.jersey().register(new FairnessResource(db, fairness));
        env.jersey().register(new CasinoAdminResource(games, configs, lookup));
    }
}
