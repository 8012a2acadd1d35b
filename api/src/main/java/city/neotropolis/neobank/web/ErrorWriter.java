package city.neotropolis.neobank.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The one writer of the error shape {@code {"error": "..."}}, with the application's ObjectMapper:
 * Jersey's exception mappers, the servlet filters and Jetty's error handlers all answer through it.
 */
public final class ErrorWriter {
    private final ObjectMapper mapper;

    public ErrorWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A Jersey response; Jersey writes the body with the same ObjectMapper. */
    public Response response(int status, String message) {
        return response(status, message, Map.of());
    }

    public Response response(int status, String message, Map<String, String> headers) {
        Response.ResponseBuilder b =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message));
        headers.forEach(b::header);
        return b.build();
    }

    /** The body as text, for writers that take characters (Jetty's error handlers). */
    public String text(String message) {
        try {
            return mapper.writeValueAsString(new ErrorBody(message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a servlet response, where Jersey's mappers do not reach (filters in front of it). */
    public void write(HttpServletResponse res, int status, String message) throws IOException {
        byte[] body = mapper.writeValueAsBytes(new ErrorBody(message));
        res.setStatus(status);
        res.setContentType("application/json");
        res.setCharacterEncoding("UTF-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
