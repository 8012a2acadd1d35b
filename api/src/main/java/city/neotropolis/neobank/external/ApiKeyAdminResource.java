package city.neotropolis.neobank.external;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** GMs manage terminals' keys: list, create (the key is shown once), revoke. */
@Path("admin/api-keys")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
public final class ApiKeyAdminResource {

    public record KeyList(List<ApiKeyView> apiKeys) {}

    public record Created(String message, ApiKeyView apiKey) {}

    public record Message(String message) {}

    private final ApiKeyService service;

    public ApiKeyAdminResource(ApiKeyService service) {
        this.service = service;
    }

    @GET
    public KeyList list(@Auth Player gm) {
        return new KeyList(service.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Auth Player gm, ApiKeyService.NewKey body) {
        ApiKeyView key = service.create(gm, body);
        return Response.status(201)
                .entity(new Created("API key created; copy it now, it is not shown again", key))
                .build();
    }

    @DELETE
    @Path("{id}")
    public Message revoke(@Auth Player gm, @PathParam("id") String id) {
        long keyId;
        try {
            keyId = Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw ApiException.notFound("API key not found");
        }
        service.revoke(gm, keyId);
        return new Message("API key revoked");
    }
}
