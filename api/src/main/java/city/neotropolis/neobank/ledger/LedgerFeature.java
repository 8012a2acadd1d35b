package city.neotropolis.neobank.ledger;

import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.core.setup.Environment;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

        env.healthChecks().register("ledger", new HealthCheck() {
            @Override
            protected Result check() {
                LedgerVerifier.Report r = verifier.verify();
                return r.ok() ? Result.healthy("money supply " + r.moneySupply()) : Result.unhealthy(r.violation());
            }
        });
    }
}
