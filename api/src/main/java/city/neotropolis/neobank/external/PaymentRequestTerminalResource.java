package city.neotropolis.neobank.external;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Payment requests for terminals: create with the charge scope, poll until paid, cancel. */
@Path("v1/external/requests")
@Produces(MediaType.APPLICATION_JSON)
public final class PaymentRequestTerminalResource {
    private final ApiKeyAuthenticator keys;
    private final PaymentRequests requests;

    public PaymentRequestTerminalResource(ApiKeyAuthenticator keys, PaymentRequests requests) {
        this.keys = keys;
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @HeaderParam(ExternalResource.KEY_HEADER) String key,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri,
            PaymentRequests.Create body) {
        return requests.create(keys.authenticate(key), body, idempotencyKey, PaymentRequestResource.origin(uri));
    }

    @GET
    @Path("{id}")
    public Response read(
            @HeaderParam(ExternalResource.KEY_HEADER) String key, @PathParam("id") String id, @Context UriInfo uri) {
        return PaymentRequestResource.noStore(
                requests.read(keys.authenticate(key), id, PaymentRequestResource.origin(uri)));
    }

    @POST
    @Path("{id}/cancel")
    public PaymentRequests.View cancel(
            @HeaderParam(ExternalResource.KEY_HEADER) String key, @PathParam("id") String id, @Context UriInfo uri) {
        return requests.cancel(keys.authenticate(key), id, PaymentRequestResource.origin(uri));
    }
}
