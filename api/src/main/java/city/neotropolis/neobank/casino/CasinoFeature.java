package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.Core;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.core.setup.Environment;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chrome Slots: wires the casino's services and routes into the service. */
public final class CasinoFeature {
    /** Spins per player: a phone tapping as fast as a person can, not a script. */
    public static final RateLimiter.Rule SPINS = new RateLimiter.Rule("spins", 120, Duration.ofMinutes(1));
    /** The attribute under which tests find the settlement service (to inject faults). */
    static final String SPIN_SERVICE = SpinService.class.getName();

    private static final Logger LOG = LoggerFactory.getLogger(CasinoFeature.class);

    private CasinoFeature() {}

    /**
     * Starts solving and verifying every setting's reel set on a thread of its own, so that it
     * overlaps the rest of start-up (migrations, first-start setup) on a second core.
     */
    public static CompletableFuture<CasinoGames> prepare() {
        return CompletableFuture.supplyAsync(() -> {
            long t0 = System.nanoTime();
            CasinoGames games = new CasinoGames();
            LOG.info("Casino reel sets for {} games x {} settings verified in {} ms", games.all().size(),
                    GameMath.MAX_PAYOUT - GameMath.MIN_PAYOUT + 1, (System.nanoTime() - t0) / 1_000_000);
            return games;
        }, r -> {
            Thread t = new Thread(r, "casino-math");
            t.setDaemon(true);
            t.start();
        });
    }

    public static void register(Core core, Environment env, CompletableFuture<CasinoGames> prepared) {
        CasinoGames games = prepared.join();
        Fairness fairness = new Fairness(core.clock());
        CasinoConfigService configs = new CasinoConfigService(core.db(), games, core.audit(), core.clock(),
                core.config().getBank().maxAmount);
        SpinService spins = new SpinService(core.ledger(), core.idempotency(), configs, fairness, core.clock());
        SpinLookup lookup = new SpinLookup(core.db(), games);
        env.jersey().register(new CasinoResource(games, configs, spins, lookup, core.limiter(), SPINS));
        env.jersey().register(new FairnessResource(core.db(), fairness));
        env.jersey().register(new CasinoAdminResource(games, configs, lookup));
        env.getApplicationContext().setAttribute(SPIN_SERVICE, spins);
    }
}
