package city.neotropolis.neobank.external;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.DirectRoutes;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Terminals: the external API, its keys (and their GM routes), and players' terminal PINs. */
public final class ExternalFeature {
    /** How often keys' last use is written: often enough for a GM's list, rarely enough to cost nothing. */
    static final long LAST_USED_FLUSH_SECONDS = 5;

    private final Database db;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AccountDirectory directory;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Passwords passwords;
    private final RateLimiter limiter;
    private final RateLimiter.Rule pinSetPerPlayer;
    private final int bcryptCost;
    private final Clock clock;
    private final Credits maxAmount;
    private ChipUids chipUids;
    private ZoneId eventZone;

    public ExternalFeature(
            Database db,
            Ledger ledger,
            Idempotency idempotency,
            AccountDirectory directory,
            AccountService accounts,
            AuditLog audit,
            Passwords passwords,
            RateLimiter limiter,
            RateLimiter.Rule pinSetPerPlayer,
            int bcryptCost,
            Clock clock,
            Credits maxAmount) {
        this.db = db;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.directory = directory;
        this.accounts = accounts;
        this.audit = audit;
        this.passwords = passwords;
        this.limiter = limiter;
        this.pinSetPerPlayer = pinSetPerPlayer;
        this.bcryptCost = bcryptCost;
        this.clock = clock;
        this.maxAmount = maxAmount;
    }

    /** Chips (issue 13): their UIDs hashed with this key, their days counted in the event's zone. */
    public ExternalFeature withChips(byte[] chipKey, ZoneId eventZone) {
        this.chipUids = new ChipUids(chipKey);
        this.eventZone = eventZone;
        return this;
    }

    public void register(Environment env, DirectRoutes direct) {
        ApiKeyAuthenticator keys = new ApiKeyAuthenticator(db, clock);
        TerminalPins pins = new TerminalPins(db, clock, bcryptCost, passwords);
        TerminalPayments payments = new TerminalPayments(ledger, idempotency, directory, db, keys, pins, maxAmount);
        ApiKeyService service = new ApiKeyService(db, directory, audit, keys, clock, maxAmount);

        ExternalResource terminals = new ExternalResource(keys, payments);
        env.jersey().register(terminals);
        // Charges answered before Jersey; the key is checked inside, so every call is taken on.
        direct.post(
                "/api/" + ExternalResource.PATH + "/transactions",
                TerminalPayments.Request.class,
                call -> new DirectRoutes.Answer(
                        null,
                        () -> terminals.transact(
                                call.header(ExternalResource.KEY_HEADER),
                                call.header("Idempotency-Key"),
                                call.body())));
        env.jersey().register(new ApiKeyAdminResource(service));
        env.jersey().register(new TerminalPinResource(pins, accounts, passwords, limiter, pinSetPerPlayer));
        if (chipUids != null) {
            ChipService chips = new ChipService(
                    db, ledger, idempotency, directory, audit, keys, pins, chipUids, clock, eventZone, maxAmount);
            env.jersey().register(new ChipTerminalResource(keys, chips));
            env.jersey().register(new ChipResource(chips));
            env.jersey().register(new ChipAdminResource(chips));
        }
        // Payment requests (pay by QR): players and charge-scoped terminals ask, players confirm.
        PaymentRequests requests = new PaymentRequests(db, ledger, idempotency, keys, clock, maxAmount);
        env.jersey().register(new PaymentRequestResource(requests));
        env.jersey().register(new PaymentRequestTerminalResource(keys, requests));

        ScheduledExecutorService flusher =
                env.lifecycle().scheduledExecutorService("api-key-last-used").build();
        flusher.scheduleWithFixedDelay(
                keys::flushLastUsed, LAST_USED_FLUSH_SECONDS, LAST_USED_FLUSH_SECONDS, TimeUnit.SECONDS);
        // Registered after the database, so stopped before it: the last uses are written on the way out.
        env.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                keys.flushLastUsed();
            }
        });
    }
}
