package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.auth.Tokens;
import city.neotropolis.neobank.ledger.Journal;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A player's own account: balance, history, profile, password; and looking up whom to pay. */
@Path("v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AccountResource {
    public static final int MAX_PAGE = 100;
    private static final String LIMIT = "limit must be between 1 and " + MAX_PAGE;
    private static final String CURSOR = "before must be a transaction id from next_cursor";
    /** No cursor: start from the newest row. */
    private static final String NEWEST = "" + Long.MAX_VALUE;

    public record AccountReply(UserView account) {}

    public record HistoryReply(List<TxView> transactions, Long nextCursor) {}

    public record SearchReply(List<TxView> transactions) {}

    public record ProfileRequest(String faction, String factionRequest, String profilePicture) {}

    public record PasswordRequest(String currentPassword, String newPassword) {}

    public record UserReply(String message, UserView user) {}

    public record PasswordReply(String message, String accessToken) {}

    public record Lookup(String accountNumber, String characterName, String faction) {}

    private final AccountService accounts;
    private final Journal journal;
    private final Tokens tokens;

    public AccountResource(AccountService accounts, Journal journal, Tokens tokens) {
        this.accounts = accounts;
        this.journal = journal;
        this.tokens = tokens;
    }

    @GET
    @Path("account")
    public AccountReply account(@Auth Player player) {
        return new AccountReply(UserView.of(own(player)));
    }

    @GET
    @Path("account/transactions")
    public HistoryReply transactions(
            @Auth Player player,
            @QueryParam("limit")
                    @DefaultValue("10")
                    @Min(value = 1, message = LIMIT)
                    @Max(value = MAX_PAGE, message = LIMIT)
                    int limit,
            @QueryParam("before") @DefaultValue(NEWEST) @Min(value = 1, message = CURSOR) long before) {
        List<TxView> page = journal.history(player.id(), before, limit);
        Long next = page.size() == limit ? page.get(page.size() - 1).id() : null;
        return new HistoryReply(page, next);
    }

    @GET
    @Path("account/transactions/search")
    public SearchReply search(
            @Auth Player player,
            @QueryParam("q") String q,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = LIMIT)
                    @Max(value = MAX_PAGE, message = LIMIT)
                    int limit) {
        String query = Input.text(q, "q", 1, 64);
        return new SearchReply(journal.search(player.id(), query, limit));
    }

    @PUT
    @Path("account/profile")
    public UserReply profile(@Auth Player player, ProfileRequest body) {
        Input.required(body, "request body");
        AccountService.ProfileUpdate u =
                accounts.updateProfile(player.id(), body.faction(), body.factionRequest(), body.profilePicture());
        String message = u.factionRequested() == null
                ? "Profile updated"
                : u.factionRequested().isEmpty()
                        ? "Profile updated; faction request withdrawn"
                        : "Profile updated; asked to join " + u.factionRequested() + ": a GM confirms membership";
        return new UserReply(message, UserView.of(u.account()));
    }

    @PUT
    @Path("account/password")
    public PasswordReply password(@Auth Player player, PasswordRequest body) {
        Input.required(body, "request body");
        Account a = accounts.changePassword(player.id(), body.currentPassword(), body.newPassword());
        return new PasswordReply("Password changed; other sessions are signed out", tokens.issue(a.player()));
    }

    @GET
    @Path("accounts/{account_number}")
    public Lookup lookup(@Auth Player player, @PathParam("account_number") String number) {
        String n = AccountNumbers.normalize(number);
        Account a = n == null
                ? null
                : accounts.byNumber(n).filter(x -> !x.isSystem()).orElse(null);
        if (a == null) {
            throw ApiException.notFound("Account not found");
        }
        return new Lookup(a.accountNumber(), a.characterName(), a.faction());
    }

    private Account own(Player player) {
        return accounts.byId(player.id()).orElseThrow(() -> ApiException.unauthorized("Account no longer exists"));
    }
}
