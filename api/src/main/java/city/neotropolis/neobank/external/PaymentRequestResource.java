package city.neotropolis.neobank.external;

import city.neotropolis.neobank.auth.Player;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;

/**
 * Payment requests for players: a vendor asks, a payer with the link confirms. The QR images need
 * no login (an ESP32 display fetches them; they show nothing but the link, whose id the caller holds).
 */
@Path("v1/requests")
@Produces(MediaType.APPLICATION_JSON)
public final class PaymentRequestResource {
    private final PaymentRequests requests;

    public PaymentRequestResource(PaymentRequests requests) {
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(
            @Auth Player vendor,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri,
            PaymentRequests.Create body) {
        return requests.create(vendor, body, idempotencyKey, origin(uri));
    }

    @GET
    @Path("{id}")
    public Response read(@Auth Player viewer, @PathParam("id") String id, @Context UriInfo uri) {
        return noStore(requests.read(viewer, id, origin(uri)));
    }

    @POST
    @Path("{id}/pay")
    public Response pay(
            @Auth Player payer,
            @PathParam("id") String id,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context UriInfo uri) {
        return requests.pay(payer, id, idempotencyKey, origin(uri));
    }

    @POST
    @Path("{id}/cancel")
    public PaymentRequests.View cancel(@Auth Player vendor, @PathParam("id") String id, @Context UriInfo uri) {
        return requests.cancel(vendor, id, origin(uri));
    }

    @GET
    @Path("{id}/qr.svg")
    @Produces({"image/svg+xml", MediaType.APPLICATION_JSON})
    public Response svg(@PathParam("id") String id, @Context UriInfo uri) {
        String svg = PaymentRequestQr.svg(requests.linkOf(id, origin(uri)));
        return Response.ok(svg, "image/svg+xml").build();
    }

    @GET
    @Path("{id}/qr.png")
    @Produces({"image/png", MediaType.APPLICATION_JSON})
    public Response png(@PathParam("id") String id, @QueryParam("scale") String scale, @Context UriInfo uri) {
        int s = scale(scale);
        byte[] png = PaymentRequestQr.png(requests.linkOf(id, origin(uri)), s);
        return Response.ok(png, "image/png").build();
    }

    static int scale(String raw) {
        if (raw == null) {
            return PaymentRequestQr.SCALE_DEFAULT;
        }
        if (!raw.matches("[0-9]{1,2}")
                || Integer.parseInt(raw) < 1
                || Integer.parseInt(raw) > PaymentRequestQr.SCALE_MAX) {
            throw city.neotropolis.neobank.web.ApiException.badRequest(
                    "scale must be a whole number from 1 to " + PaymentRequestQr.SCALE_MAX);
        }
        return Integer.parseInt(raw);
    }

    static Response noStore(Object body) {
        CacheControl cc = new CacheControl();
        cc.setNoStore(true);
        return Response.ok(body).cacheControl(cc).build();
    }

    /** Where the web app is: this request's scheme, host and port (the SPA is served at the root). */
    static String origin(UriInfo uri) {
        URI base = uri.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
