package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.money.Credits;
import com.codahale.metrics.CachedGauge;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The books' own upkeep: the invariants as a health check, and stored retry answers dropped after a day. */
public final class LedgerFeature {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerFeature.class);

    private final LedgerVerifier verifier;
    private final Idempotency idempotency;

    public LedgerFeature(LedgerVerifier verifier, Idempotency idempotency) {
        this.verifier = verifier;
        this.idempotency = idempotency;
    }

    /** How often the whole books are verified for {@code neobank_ledger_verify_ok}. */
    static final long VERIFY_EVERY_SECONDS = 300;

    public void register(Environment env) {
        ScheduledExecutorService housekeeping =
                env.lifecycle().scheduledExecutorService("housekeeping").build();
        housekeeping.scheduleWithFixedDelay(
                () -> {
                    try {
                        idempotency.prune();
                    } catch (RuntimeException e) {
                        LOG.warn("Could not prune idempotency records", e);
                    }
                },
                1,
                60,
                TimeUnit.MINUTES);

        registerGauges(env, housekeeping);

        env.healthChecks().register("ledger", new HealthCheck() {
            @Override
            protected Result check() {
                LedgerVerifier.Report r = verifier.verify();
                return r.ok() ? Result.healthy("money supply " + r.moneySupply()) : Result.unhealthy(r.violation());
            }
        });
    }

    /**
     * Money supply and the house's bankroll from two rows, cached for a few seconds so scrapes cost
     * nothing; the full verification (every balance against its journal) on a schedule, its outcome
     * kept for the alert that pages when the books stop adding up.
     */
    private void registerGauges(Environment env, ScheduledExecutorService housekeeping) {
        CachedGauge<LedgerVerifier.Supply> supply = new CachedGauge<>(10, TimeUnit.SECONDS) {
            @Override
            protected LedgerVerifier.Supply loadValue() {
                return verifier.supply();
            }
        };
        env.metrics()
                .registerGauge(
                        "neobank_money_supply_credits",
                        () -> credits(supply.getValue().moneySupply()));
        env.metrics()
                .registerGauge(
                        "neobank_house_balance_credits",
                        () -> credits(supply.getValue().houseBalance()));
        AtomicInteger ok = new AtomicInteger(1);
        AtomicLong lastRun = new AtomicLong();
        env.metrics().registerGauge("neobank_ledger_verify_ok", ok::get);
        env.metrics().registerGauge("neobank_ledger_verify_last_run_timestamp_seconds", lastRun::get);
        housekeeping.scheduleWithFixedDelay(
                () -> {
                    try {
                        LedgerVerifier.Report r = verifier.verify();
                        ok.set(r.ok() ? 1 : 0);
                        if (!r.ok()) {
                            LOG.error("LEDGER VERIFICATION FAILED: {}", r.violation());
                        }
                    } catch (RuntimeException e) {
                        ok.set(0);
                        LOG.error("Ledger verification could not run", e);
                    }
                    lastRun.set(System.currentTimeMillis() / 1000);
                },
                30,
                VERIFY_EVERY_SECONDS,
                TimeUnit.SECONDS);
    }

    private static double credits(Credits c) {
        return c.hundredths() / 100.0;
    }
}
