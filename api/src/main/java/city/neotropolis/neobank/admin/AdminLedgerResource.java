package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.Core;
import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The books as GMs read them: the whole journal, the audit log, the invariants and the economy's figures. */
@Path("admin")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
public final class AdminLedgerResource {
    public static final int MAX_PAGE = 500;

    public record TransactionsReply(List<TxView> transactions, int limit, long offset) {}

    public record AuditReply(List<AdminDao.AuditEntry> logs, int limit, long offset) {}

    public record VerifyReply(boolean ok, String violation, Credits moneySupply, long accounts, long transactions,
                              String checkedAt) {}

    private final Core core;

    public AdminLedgerResource(Core core) {
        this.core = core;
    }

    /**
     * Newest first with limit/offset; with {@code after_id}, the rows after it oldest first (how the
     * console follows new transactions); {@code account} narrows either to one account.
     */
    @GET
    @Path("transactions")
    public TransactionsReply transactions(@QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                          @QueryParam("account") String account,
                                          @QueryParam("after_id") String afterId) {
        int n = Input.bounded(whole(limit, "limit", Integer.MAX_VALUE), 100, 1, MAX_PAGE, "limit");
        Long off = whole(offset, "offset", Long.MAX_VALUE);
        long o = off == null ? 0 : off;
        Long after = whole(afterId, "after_id", Long.MAX_VALUE);
        Long accountId = null;
        if (account != null && !account.isBlank()) {
            accountId = core.directory().find(AccountNumbers.normalize(account)).map(AccountDirectory.Ref::id)
                    .orElseThrow(() -> ApiException.notFound("User not found"));
        }
        Long a = accountId;
        List<TxView> rows = core.db().reads().withExtension(AdminDao.class, dao -> {
            if (after != null) {
                return a == null ? dao.journalAfter(after, n) : dao.journalOfAfter(a, after, n);
            }
            return a == null ? dao.journal(n, o) : dao.journalOf(a, n, o);
        });
        return new TransactionsReply(rows, n, after != null ? 0 : o);
    }

    @GET
    @Path("audit-logs")
    public AuditReply auditLogs(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        int n = Input.bounded(whole(limit, "limit", Integer.MAX_VALUE), 50, 1, MAX_PAGE, "limit");
        Long o = whole(offset, "offset", Long.MAX_VALUE);
        long off = o == null ? 0 : o;
        return new AuditReply(core.db().reads().withExtension(AdminDao.class, dao -> dao.auditLog(n, off)), n, off);
    }

    @GET
    @Path("ledger/verify")
    public VerifyReply verify() {
        LedgerVerifier.Report r = core.verifier().verify();
        return new VerifyReply(r.ok(), r.violation(), r.moneySupply(), r.accounts(), r.transactions(),
                Timestamps.iso(core.clock().millis()));
    }

    @GET
    @Path("stats")
    public EconomyStats.Stats stats() {
        return EconomyStats.compute(core);
    }

    /** A whole number ≥ 0 from a query parameter, or null when absent. */
    private static Long whole(String raw, String field, long max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long v = Long.parseLong(raw.trim());
            if (v < 0 || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + " must be a whole number of at least 0");
        }
    }

    private static Integer whole(String raw, String field, int max) {
        Long v = whole(raw, field, (long) max);
        return v == null ? null : v.intValue();
    }
}
