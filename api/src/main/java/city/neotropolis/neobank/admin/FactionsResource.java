package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.Input;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/admin/factions}: list, create, grant credits to every member, and decide who is a
 * member (players only ask).
 */
@Path("admin/factions")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class FactionsResource {

    public record FactionsReply(List<AdminDao.FactionTotal> factions) {}

    public record CreateRequest(String name, String description) {}

    public record CreateReply(String message, FactionService.Faction faction) {}

    public record GrantRequest(Credits amount, String reason) {}

    public record RequestsReply(List<AdminDao.FactionRequest> requests) {}

    public record MemberRequest(String faction) {}

    public record MemberReply(String message, FactionService.Membership member) {}

    private final FactionService factions;

    public FactionsResource(FactionService factions) {
        this.factions = factions;
    }

    @GET
    @Path("list")
    public FactionsReply list() {
        return new FactionsReply(factions.list());
    }

    @POST
    @Path("create")
    public Response create(@Auth Player gm, CreateRequest body) {
        Input.required(body, "request body");
        FactionService.Faction f = factions.create(gm, body.name(), body.description());
        return Response.status(201)
                .entity(new CreateReply("Faction " + f.name() + " created", f))
                .build();
    }

    @GET
    @Path("requests")
    public RequestsReply requests() {
        return new RequestsReply(factions.requests());
    }

    /** Places a character in a faction ("" for none); confirms or overrides their request. */
    @PUT
    @Path("members/{account_number}")
    public MemberReply setMember(
            @Auth Player gm, @PathParam("account_number") String accountNumber, MemberRequest body) {
        Input.required(body, "request body");
        FactionService.Membership m = factions.setMember(gm, accountNumber, body.faction());
        return new MemberReply(
                m.faction().isEmpty()
                        ? m.characterName() + " is in no faction"
                        : m.characterName() + " is a member of " + m.faction(),
                m);
    }

    @DELETE
    @Path("requests/{account_number}")
    public MemberReply reject(@Auth Player gm, @PathParam("account_number") String accountNumber) {
        FactionService.Membership m = factions.reject(gm, accountNumber);
        return new MemberReply("Request of " + m.characterName() + " turned down", m);
    }

    @POST
    @Path("{faction}/add-credits")
    public Response addCredits(
            @Auth Player gm,
            @PathParam("faction") String faction,
            GrantRequest body,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Input.required(body, "request body");
        return factions.grant(gm, faction, body.amount(), body.reason(), idempotencyKey);
    }
}
