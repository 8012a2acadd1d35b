package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Principals;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Journal;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.money.Credits;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.util.function.LongConsumer;

/** The GM admin API under {@code /api/admin}: users, journal, audit log, factions and stats. */
public final class AdminFeature {
    /** How often the dashboard's per-minute sums catch up with the journal. */
    static final long ROLLUP_EVERY_S = 10;

    private final Database db;
    private final AccountService accounts;
    private final AccountDirectory directory;
    private final Ledger ledger;
    private final Journal journal;
    private final Idempotency idempotency;
    private final LedgerVerifier verifier;
    private final AuditLog audit;
    private final Passwords passwords;
    private final Principals principals;
    private final Clock clock;
    private final Credits maxAmount;
    private final ActivityFilter activity;

    public AdminFeature(
            Database db,
            AccountService accounts,
            AccountDirectory directory,
            Ledger ledger,
            Journal journal,
            Idempotency idempotency,
            LedgerVerifier verifier,
            AuditLog audit,
            Passwords passwords,
            Principals principals,
            Clock clock,
            Credits maxAmount) {
        this.db = db;
        this.accounts = accounts;
        this.directory = directory;
        this.ledger = ledger;
        this.journal = journal;
        this.idempotency = idempotency;
        this.verifier = verifier;
        this.audit = audit;
        this.passwords = passwords;
        this.principals = principals;
        this.clock = clock;
        this.maxAmount = maxAmount;
        this.activity = new ActivityFilter(db, directory, clock);
    }

    public void register(Environment env) {
        AdminService admin =
                new AdminService(db, accounts, ledger, idempotency, audit, passwords, principals, maxAmount);
        CharacterImport importer = new CharacterImport(db, accounts, audit, passwords, admin);
        env.jersey().register(new AdminUsersResource(admin, importer, new UsersCsv(db, audit)));
        env.jersey()
                .register(new AdminLedgerResource(new BooksService(db, journal, directory, audit, verifier, clock)));
        env.jersey()
                .register(new FactionsResource(new FactionService(db, ledger, idempotency, audit, clock, maxAmount)));
        env.jersey().register(activity);
        JournalRollup rollup = new JournalRollup(db, clock);
        env.jersey().register(new StatsSeriesResource(new EconomySeries(db, clock)));
        // The dashboard's per-minute sums follow the journal in the background, a chunk at a time.
        env.lifecycle()
                .scheduledExecutorService("journal-rollup")
                .build()
                .scheduleWithFixedDelay(rollup::runQuietly, 2, ROLLUP_EVERY_S, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Marks a player active, as every answered Jersey request does: for answers given outside Jersey. */
    public LongConsumer activity() {
        return activity::mark;
    }
}
