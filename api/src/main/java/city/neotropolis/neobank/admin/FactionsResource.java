package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.Core;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.accounts.CharacterNames;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.web.ApiException;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * {@code /api/admin/factions}: a faction is every account naming it. Credits granted to a faction
 * are journal rows, one per member, all in one write unit: every member gets them or nobody does.
 */
@Path("admin/factions")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class FactionsResource {
    public static final int DESCRIPTION_MAX = 500;

    public record FactionsReply(List<AdminDao.FactionTotal> factions) {}

    public record CreateRequest(String name, String description) {}

    public record Faction(String name, String description) {}

    public record CreateReply(String message, Faction faction) {}

    public record GrantRequest(Credits amount, String reason) {}

    public record GrantReply(String message, int affectedUsers, String faction, Credits amountEach, Credits total) {}

    private record GrantFingerprint(String faction, Credits amount, String reason) {}

    private final Core core;

    public FactionsResource(Core core) {
        this.core = core;
    }

    @GET
    @Path("list")
    public FactionsReply list() {
        return new FactionsReply(core.db().reads().withExtension(AdminDao.class, AdminDao::factions));
    }

    @POST
    @Path("create")
    public Response create(@Auth Player gm, CreateRequest body) {
        Input.required(body, "request body");
        String name = Input.text(body.name(), "name", 1, AccountService.FACTION_MAX);
        String description = Input.optionalText(body.description(), "description", DESCRIPTION_MAX);
        String d = description == null ? "" : description;
        String key = CharacterNames.key(name);
        core.db().writer().write(s -> {
            AdminDao dao = s.dao(AdminDao.class);
            if (dao.countFactionKey(key) > 0) {
                throw ApiException.badRequest("Faction already exists");
            }
            dao.insertFaction(name, key, d, gm.characterName(), core.clock().millis());
            core.audit().record(s, gm, "create_faction", name, d);
            return null;
        });
        return Response.status(201).entity(new CreateReply("Faction " + name + " created", new Faction(name, d)))
                .build();
    }

    @POST
    @Path("{faction}/add-credits")
    public Response addCredits(@Auth Player gm, @PathParam("faction") String faction, GrantRequest body,
                               @HeaderParam("Idempotency-Key") String idempotencyKey) {
        Input.required(body, "request body");
        String name = Input.text(faction, "faction", 1, AccountService.FACTION_MAX);
        Credits amount = Input.positiveAmount(body.amount(), core.config().getBank().maxAmount, "amount");
        String reason = AdminService.reason(body.reason());
        String actor = AdminService.actor(gm);
        long mint = core.ledger().system().mintId();
        return core.idempotency().run(gm.principalKey(), idempotencyKey, "POST /api/admin/factions/add-credits",
                new GrantFingerprint(name, amount, reason), s -> {
                    // Members are read inside the unit, so nobody joins or leaves between the list and the grant.
                    List<Long> members = s.dao(AdminDao.class).factionMembers(name);
                    if (members.isEmpty()) {
                        throw ApiException.badRequest("Faction " + name + " has no members");
                    }
                    for (long id : members) {
                        core.ledger().post(s, Movement.of(mint, id, amount, TxType.FACTION_GRANT, reason, actor)
                                .withIdempotencyKey(idempotencyKey).byGm());
                    }
                    Credits total = amount.times(members.size());
                    core.audit().record(s, gm, "faction_grant", name, "amount=" + amount + " each, members="
                            + members.size() + " total=" + total + " reason=" + reason);
                    return new Idempotency.Reply(200, new GrantReply("Added " + amount + " credits to each of "
                            + members.size() + " members of " + name, members.size(), name, amount, total));
                });
    }
}
