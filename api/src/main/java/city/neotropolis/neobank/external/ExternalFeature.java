package city.neotropolis.neobank.external;

import city.neotropolis.neobank.Core;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Terminals: the external API, its keys (and their GM routes), and players' terminal PINs. */
public final class ExternalFeature {
    /** How often keys' last use is written: often enough for a GM's list, rarely enough to cost nothing. */
    static final long LAST_USED_FLUSH_SECONDS = 5;

    private ExternalFeature() {}

    public static void register(Core core, Environment env) {
        ApiKeyAuthenticator keys = new ApiKeyAuthenticator(core.db(), core.clock());
        TerminalPins pins = new TerminalPins(core.db(), core.clock(), core.config().getSecurity().bcryptCost);
        TerminalPayments payments = new TerminalPayments(core.ledger(), core.idempotency(), core.directory(),
                core.db(), keys, pins, core.config().getBank().maxAmount);
        ApiKeyService service = new ApiKeyService(core.db(), core.directory(), core.audit(), keys, core.clock(),
                core.config().getBank().maxAmount);

        env.jersey().register(new ExternalResource(keys, payments));
        env.jersey().register(new ApiKeyAdminResource(service));
        env.jersey().register(new TerminalPinResource(pins, core.accounts(), core.passwords(), core.limiter()));

        ScheduledExecutorService flusher = env.lifecycle().scheduledExecutorService("api-key-last-used").build();
        flusher.scheduleWithFixedDelay(keys::flushLastUsed, LAST_USED_FLUSH_SECONDS, LAST_USED_FLUSH_SECONDS,
                TimeUnit.SECONDS);
        // Registered after the database, so stopped before it: the last uses are written on the way out.
        env.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                keys.flushLastUsed();
            }
        });
    }
}
