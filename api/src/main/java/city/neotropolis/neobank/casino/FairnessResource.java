package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A player's provably-fair seeds: see the commitment, choose a client seed, rotate to reveal. */
@Path("v1/casino/fairness")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class FairnessResource {

    /** The public half of the seeds: the commitment, the client seed and the next nonce. */
    public record FairnessView(String serverSeedHash, String clientSeed, long nonce) {}

    public record ClientSeedRequest(String clientSeed) {}

    /** The old server seed, now revealed, and the commitment to the new one. */
    public record RotateReply(
            String revealedServerSeed,
            String revealedServerSeedHash,
            String serverSeedHash,
            String clientSeed,
            long nonce) {}

    private final Database db;
    private final Fairness fairness;

    FairnessResource(Database db, Fairness fairness) {
        this.db = db;
        this.fairness = fairness;
    }

    @GET
    public FairnessView current(@Auth Player player) {
        Fairness.Seeds s = db.writer().write(session -> fairness.current(session, player.id()));
        return new FairnessView(s.serverSeedHash(), s.clientSeed(), s.nonce());
    }

    @PUT
    public FairnessView setClientSeed(@Auth Player player, ClientSeedRequest body) {
        if (body == null || body.clientSeed() == null) {
            throw ApiException.badRequest("client_seed is required");
        }
        String seed = body.clientSeed();
        if (!ProvablyFair.CLIENT_SEED.matcher(seed).matches()) {
            throw ApiException.badRequest(
                    "client_seed must be 1 to 64 printable ASCII characters without spaces or ':'");
        }
        Fairness.Seeds s = db.writer().write(session -> fairness.setClientSeed(session, player.id(), seed));
        return new FairnessView(s.serverSeedHash(), s.clientSeed(), s.nonce());
    }

    @POST
    @Path("rotate")
    public RotateReply rotate(@Auth Player player) {
        Fairness.Seeds[] both = db.writer().write(session -> fairness.rotate(session, player.id()));
        return new RotateReply(
                both[0].serverSeed(),
                both[0].serverSeedHash(),
                both[1].serverSeedHash(),
                both[1].clientSeed(),
                both[1].nonce());
    }
}
