package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.audit.AuditEntry;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.money.Credits;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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
    private static final String LIMIT = "limit must be between 1 and " + MAX_PAGE;
    private static final String OFFSET = "offset must be a whole number of at least 0";
    private static final String AFTER = "after_id must be a whole number of at least 0";

    public record TransactionsReply(List<TxView> transactions, int limit, long offset) {}

    public record AuditReply(List<AuditEntry> logs, int limit, long offset) {}

    public record VerifyReply(
            boolean ok, String violation, Credits moneySupply, long accounts, long transactions, String checkedAt) {}

    private final BooksService books;

    public AdminLedgerResource(BooksService books) {
        this.books = books;
    }

    /**
     * Newest first with limit/offset; with {@code after_id}, the rows after it oldest first (how the
     * console follows new transactions); {@code account} narrows either to one account.
     */
    @GET
    @Path("transactions")
    public TransactionsReply transactions(
            @QueryParam("limit")
                    @DefaultValue("100")
                    @Min(value = 1, message = LIMIT)
                    @Max(value = MAX_PAGE, message = LIMIT)
                    int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = OFFSET) long offset,
            @QueryParam("account") String account,
            @QueryParam("after_id") @Min(value = 0, message = AFTER) Long afterId) {
        List<TxView> rows = books.transactions(account, afterId, limit, offset);
        return new TransactionsReply(rows, limit, afterId != null ? 0 : offset);
    }

    @GET
    @Path("audit-logs")
    public AuditReply auditLogs(
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = LIMIT)
                    @Max(value = MAX_PAGE, message = LIMIT)
                    int limit,
            @QueryParam("offset") @DefaultValue("0") @Min(value = 0, message = OFFSET) long offset) {
        return new AuditReply(books.auditLog(limit, offset), limit, offset);
    }

    @GET
    @Path("ledger/verify")
    public VerifyReply verify() {
        LedgerVerifier.Report r = books.verify();
        return new VerifyReply(r.ok(), r.violation(), r.moneySupply(), r.accounts(), r.transactions(), books.now());
    }

    @GET
    @Path("stats")
    public EconomyStats.Stats stats() {
        return books.stats();
    }
}
