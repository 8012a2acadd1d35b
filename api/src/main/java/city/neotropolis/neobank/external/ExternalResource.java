package city.neotropolis.neobank.external;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The terminal API (ESP32 props, vendor stalls): routes compatible with the original NeoBank's. */
@Path(ExternalResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
public final class ExternalResource {
    public static final String KEY_HEADER = "X-API-Key";
    static final String PATH = "v1/external";

    private final ApiKeyAuthenticator keys;
    private final TerminalPayments payments;

    public ExternalResource(ApiKeyAuthenticator keys, TerminalPayments payments) {
        this.keys = keys;
        this.payments = payments;
    }

    @POST
    @Path("transactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response transact(
            @HeaderParam(KEY_HEADER) String headerKey,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            TerminalPayments.Request body) {
        String raw = headerKey != null && !headerKey.isBlank() ? headerKey : body == null ? null : body.apiKey();
        ApiKey key = keys.authenticate(raw);
        return payments.move(key, body, idempotencyKey);
    }

    @GET
    @Path("account/{account_number}/balance")
    public TerminalPayments.BalanceReply balance(
            @HeaderParam(KEY_HEADER) String headerKey, @PathParam("account_number") String accountNumber) {
        return payments.balance(keys.authenticate(headerKey), accountNumber);
    }
}
