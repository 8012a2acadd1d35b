package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.UserView;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.Input;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /api/admin/users}: the GM's view of every character, with the original NeoBank's answers. */
@Path("admin/users")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AdminUsersResource {

    public record UsersReply(List<UserView> users) {}

    public record UserReply(String message, UserView user) {}

    public record MessageReply(String message) {}

    public record CreateRequest(String characterName, String password, String faction, Credits balance) {}

    public record PasswordRequest(String newPassword) {}

    public record AdjustRequest(Credits amount, String reason) {}

    public record FreezeRequest(String reason) {}

    public record ImportRequest(String csv) {}

    private final AdminService admin;
    private final CharacterImport importer;
    private final UsersCsv export;

    public AdminUsersResource(AdminService admin, CharacterImport importer, UsersCsv export) {
        this.admin = admin;
        this.importer = importer;
        this.export = export;
    }

    @GET
    @Path("search")
    public UsersReply search(@QueryParam("q") String q) {
        return new UsersReply(admin.search(q).stream().map(UserView::of).toList());
    }

    @POST
    public Response create(@Auth Player gm, CreateRequest body) {
        Input.required(body, "request body");
        Account a = admin.create(gm, body.characterName(), body.password(), body.faction(), body.balance());
        return Response.status(201)
                .entity(new UserReply("User " + a.characterName() + " created", UserView.of(a)))
                .build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public CharacterImport.Report importCsv(@Auth Player gm, String csv) {
        return importer.run(gm, csv);
    }

    @POST
    @Path("import")
    public CharacterImport.Report importJson(@Auth Player gm, ImportRequest body) {
        Input.required(body, "request body");
        return importer.run(gm, Input.required(body.csv(), "csv"));
    }

    @GET
    @Path("export")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    public Response export(@Auth Player gm) {
        String csv = export.export(gm);
        return Response.ok(csv, "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"neobank-users.csv\"")
                .build();
    }

    @GET
    @Path("{acct}")
    public AdminService.Details details(@PathParam("acct") String acct) {
        return admin.details(acct);
    }

    @POST
    @Path("{acct}/reset-password")
    public MessageReply resetPassword(@Auth Player gm, @PathParam("acct") String acct, PasswordRequest body) {
        Input.required(body, "request body");
        admin.resetPassword(gm, acct, body.newPassword());
        return new MessageReply("Password reset; the player's other sessions are signed out");
    }

    @POST
    @Path("{acct}/toggle-admin")
    public UserReply toggleAdmin(@Auth Player gm, @PathParam("acct") String acct) {
        Account a = admin.toggleAdmin(gm, acct);
        return new UserReply(
                a.isAdmin() ? a.characterName() + " is now a GM" : a.characterName() + " is no longer a GM",
                UserView.of(a));
    }

    @POST
    @Path("{acct}/adjust-balance")
    public Response adjustBalance(
            @Auth Player gm,
            @PathParam("acct") String acct,
            AdjustRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Input.required(body, "request body");
        return admin.adjustBalance(gm, acct, body.amount(), body.reason(), idempotencyKey);
    }

    @POST
    @Path("{acct}/freeze")
    public UserReply freeze(@Auth Player gm, @PathParam("acct") String acct, FreezeRequest body) {
        Account a = admin.setFrozen(gm, acct, true, body == null ? null : body.reason());
        return new UserReply(a.characterName() + " is frozen: no login, no payments, tokens revoked", UserView.of(a));
    }

    @POST
    @Path("{acct}/unfreeze")
    public UserReply unfreeze(@Auth Player gm, @PathParam("acct") String acct, FreezeRequest body) {
        Account a = admin.setFrozen(gm, acct, false, body == null ? null : body.reason());
        return new UserReply(a.characterName() + " is unfrozen; they must log in again", UserView.of(a));
    }
}
