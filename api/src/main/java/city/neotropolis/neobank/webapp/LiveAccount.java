package city.neotropolis.neobank.webapp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The live balance is conditional polling: each open phone asks {@code GET /api/v1/account} every
 * 2 s with the ETag of the last answer, and while nothing changed it gets a 304 with no body. The
 * tag is a digest of the answer itself, so it is right on every replica without shared state and
 * changes with anything the player sees (balance, free spins, frozen, profile). The token stays in
 * the Authorization header; nothing goes into a URL.
 */
public final class LiveAccount implements ContainerResponseFilter {
    static final String PATH = "v1/account";

    private final ObjectMapper json;

    public LiveAccount(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void filter(ContainerRequestContext req, ContainerResponseContext res) {
        if (!"GET".equals(req.getMethod())
                || res.getStatus() != 200
                || !res.hasEntity()
                || !PATH.equals(req.getUriInfo().getPath())) {
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(res.getEntity());
        } catch (JsonProcessingException e) {
            return; // Jersey reports it when it writes the entity itself
        }
        String etag = etag(body);
        res.getHeaders().putSingle("ETag", etag);
        if (asked(req.getHeaders().get("If-None-Match"), etag)) {
            res.setStatus(304);
            res.setEntity(null);
            return;
        }
        // Written once: the bytes already serialised for the digest are the body.
        res.setEntity(body, res.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }

    /** The ETag of an answer: a digest of its bytes, quoted. */
    static String etag(byte[] body) {
        return "\"" + digest(body) + "\"";
    }

    /** Whether the client's If-None-Match values (null: none sent) name this ETag. */
    static boolean asked(List<String> ifNoneMatch, String etag) {
        return ifNoneMatch != null && ifNoneMatch.stream().anyMatch(v -> v.contains(etag));
    }

    static String digest(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
