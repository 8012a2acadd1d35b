package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.audit.AuditEntry;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Journal;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.web.ApiException;
import java.time.Clock;
import java.util.List;

/** The books as GMs read them: the journal, the audit log, the invariants and the economy's figures. */
public final class BooksService {
    private final Database db;
    private final Journal journal;
    private final AccountDirectory directory;
    private final AuditLog audit;
    private final LedgerVerifier verifier;
    private final Clock clock;

    public BooksService(
            Database db,
            Journal journal,
            AccountDirectory directory,
            AuditLog audit,
            LedgerVerifier verifier,
            Clock clock) {
        this.db = db;
        this.journal = journal;
        this.directory = directory;
        this.audit = audit;
        this.verifier = verifier;
        this.clock = clock;
    }

    /**
     * A page of the journal, or with {@code afterId} the rows after it oldest first; {@code account}
     * (an account number) narrows either to one account, 404 when there is no such account.
     */
    public List<TxView> transactions(String account, Long afterId, int limit, long offset) {
        Long accountId = null;
        if (account != null && !account.isBlank()) {
            accountId = directory
                    .find(AccountNumbers.normalize(account))
                    .map(AccountDirectory.Ref::id)
                    .orElseThrow(() -> ApiException.notFound("User not found"));
        }
        return journal.page(accountId, afterId, limit, offset);
    }

    public List<AuditEntry> auditLog(int limit, long offset) {
        return audit.page(limit, offset);
    }

    public LedgerVerifier.Report verify() {
        return verifier.verify();
    }

    public String now() {
        return Timestamps.iso(clock.millis());
    }

    public EconomyStats.Stats stats() {
        return EconomyStats.compute(db, clock);
    }
}
