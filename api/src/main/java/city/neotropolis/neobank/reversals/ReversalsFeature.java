package city.neotropolis.neobank.reversals;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;

/** GM reversals of mistaken movements (issue 13). */
public final class ReversalsFeature {
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Clock clock;

    public ReversalsFeature(Ledger ledger, Idempotency idempotency, AuditLog audit, Clock clock) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    public void register(Environment env) {
        env.jersey().register(new ReversalResource(new ReversalService(ledger, idempotency, audit, clock)));
    }
}
