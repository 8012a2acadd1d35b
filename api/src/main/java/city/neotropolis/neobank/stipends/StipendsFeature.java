package city.neotropolis.neobank.stipends;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.money.Credits;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stipends (issue 13): the GM routes, and a scheduler that pays due slots every few seconds. The
 * first run happens right at start, which is how slots missed while the service was down are
 * caught up (or skipped). Every replica runs it; the slot keys in the database make that safe.
 */
public final class StipendsFeature {
    private static final Logger LOG = LoggerFactory.getLogger(StipendsFeature.class);

    private final Database db;
    private final Ledger ledger;
    private final AuditLog audit;
    private final StipendConfig config;
    private final Clock clock;
    private final Credits maxAmount;

    public StipendsFeature(
            Database db, Ledger ledger, AuditLog audit, StipendConfig config, Clock clock, Credits maxAmount) {
        this.db = db;
        this.ledger = ledger;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.maxAmount = maxAmount;
    }

    public void register(Environment env) {
        StipendPayer payer =
                new StipendPayer(db, ledger, audit, ZoneId.of(config.timeZone), config.lateAfter.toMilliseconds());
        env.jersey().register(new StipendResource(new StipendService(db, audit, payer, clock, maxAmount)));
        if (!config.enabled) {
            LOG.warn("Stipend scheduler is OFF: stipends are paid only through POST /api/admin/stipends/run-due");
            return;
        }
        ScheduledExecutorService scheduler =
                env.lifecycle().scheduledExecutorService("stipends").build();
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        StipendPayer.Run r = payer.runDue(clock.millis());
                        if (r.slotsPaid() + r.slotsSkipped() > 0) {
                            LOG.info(
                                    "Stipends: {} slot(s) paid ({} payments), {} skipped",
                                    r.slotsPaid(),
                                    r.paymentsMade(),
                                    r.slotsSkipped());
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("Stipend run failed; the next run tries again", e);
                    }
                },
                0,
                config.checkEvery.toMilliseconds(),
                TimeUnit.MILLISECONDS);
    }
}
