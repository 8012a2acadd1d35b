package city.neotropolis.neobank.web;

import city.neotropolis.neobank.money.Credits;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every way a request can fail ends here as {@code {"error": ...}}: never an HTML page, never a
 * stack trace. Registered instead of Dropwizard's default mappers, whose shapes differ.
 */
public final class ErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMappers.class);

    private ErrorMappers() {}

    static Response json(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message)).build();
    }

    /** Our own refusals. */
    @Provider
    public static final class Api implements ExceptionMapper<ApiException> {
        @Override
        public Response toResponse(ApiException e) {
            return e.toResponse();
        }
    }

    /** Malformed JSON, wrong JSON types, duplicate keys, bad amounts inside a body. */
    @Provider
    public static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return json(400, describe(e));
        }

        static String describe(JsonProcessingException e) {
            if (e instanceof JsonParseException) {
                return "Malformed JSON: " + firstLine(e.getOriginalMessage());
            }
            if (e instanceof JsonMappingException m) {
                String field = m.getPath().stream()
                        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."));
                String prefix = field.isEmpty() ? "" : field + ": ";
                if (e instanceof InvalidFormatException f && f.getTargetType() != null
                        && f.getTargetType().getSimpleName().equals("Credits")) {
                    return prefix + firstLine(e.getOriginalMessage());
                }
                if (e instanceof MismatchedInputException mi) {
                    if (mi.getTargetType() != null && !field.isEmpty()) {
                        return field + " has the wrong type (expected " + typeName(mi.getTargetType()) + ")";
                    }
                    if (field.isEmpty()) {
                        return "Request body must be a JSON object";
                    }
                }
                return prefix + "invalid value";
            }
            return "Malformed JSON";
        }

        private static String typeName(Class<?> t) {
            if (t == String.class) {
                return "a string";
            }
            if (t == Boolean.class || t == boolean.class) {
                return "true or false";
            }
            if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
                return "a number";
            }
            return "an object";
        }

        private static String firstLine(String s) {
            if (s == null) {
                return "unreadable input";
            }
            int nl = s.indexOf('\n');
            String line = nl < 0 ? s : s.substring(0, nl);
            return line.length() > 200 ? line.substring(0, 200) : line;
        }
    }

    /** Jersey's own errors: unknown route, wrong method, wrong media type, bad path/query params. */
    @Provider
    public static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Throwable body = BodyLimitFilter.tooLarge(e);
            if (body != null) {
                return json(413, body.getMessage());
            }
            if (e.getCause() instanceof JsonProcessingException j) {
                return json(400, Json.describe(j));
            }
            int status = e.getResponse().getStatus();
            String message = switch (status) {
                case 401 -> "Authentication required";
                // Jersey's own 403 comes only from @RolesAllowed, which guards the GM routes.
                case 403 -> "Only GMs may do this";
                case 404 -> "Not found";
                case 405 -> "Method not allowed";
                case 406 -> "Only application/json responses are available";
                case 415 -> "Content-Type must be application/json";
                default -> e instanceof ParamException p
                        ? "Invalid parameter " + p.getParameterName()
                        : status < 500 ? "Bad request" : "Internal error";
            };
            if (e instanceof ParamException) {
                status = 400;
            }
            if (status >= 500) {
                LOG.error("Unexpected web error", e);
            }
            Response.ResponseBuilder b = Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(message));
            e.getResponse().getHeaders().forEach((k, v) -> {
                if (k.equalsIgnoreCase("Allow") || k.equalsIgnoreCase("Retry-After")) {
                    v.forEach(x -> b.header(k, x));
                }
            });
            return b.build();
        }
    }

    /** Anything else is our bug: log it with the stack, answer without it. */
    @Provider
    public static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            Throwable tooLarge = BodyLimitFilter.tooLarge(e);
            if (tooLarge != null) {
                return json(413, tooLarge.getMessage());
            }
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof ApiException a) {
                    return a.toResponse();
                }
                if (c instanceof JsonProcessingException j) {
                    return json(400, Json.describe(j));
                }
            }
            LOG.error("Unexpected error", e);
            return json(500, "Internal error");
        }
    }
}
