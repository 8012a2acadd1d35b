package city.neotropolis.neobank.web;

import city.neotropolis.neobank.db.ConstraintRefused;
import city.neotropolis.neobank.db.DatabaseUnavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.common.base.Throwables;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.function.Function;
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

    /** All of them, each writing through {@code errors}. */
    public static Object[] all(ErrorWriter errors) {
        return new Object[] {
            new Api(errors),
            new Database(errors),
            new Refused(errors),
            new Json(errors),
            new Validation(errors),
            new Web(errors),
            new Unexpected(errors)
        };
    }

    /**
     * What Jersey does with an exception a resource throws, for answers written without Jersey
     * ({@link DirectRoutes}): the mapper of the exception's own type, each type here mapped by
     * exactly one of them, the rest by {@link Unexpected}.
     */
    static Function<Throwable, Response> dispatcher(ErrorWriter errors) {
        Api api = new Api(errors);
        Database database = new Database(errors);
        Refused refused = new Refused(errors);
        Json json = new Json(errors);
        Validation validation = new Validation(errors);
        Web web = new Web(errors);
        Unexpected unexpected = new Unexpected(errors);
        return e -> {
            if (e instanceof ApiException a) {
                return api.toResponse(a);
            } else if (e instanceof DatabaseUnavailable d) {
                return database.toResponse(d);
            } else if (e instanceof ConstraintRefused c) {
                return refused.toResponse(c);
            } else if (e instanceof JsonProcessingException j) {
                return json.toResponse(j);
            } else if (e instanceof ConstraintViolationException v) {
                return validation.toResponse(v);
            } else if (e instanceof WebApplicationException w) {
                return web.toResponse(w);
            }
            return unexpected.toResponse(e);
        };
    }

    /** What every mapper here has: the one writer of the error shape. */
    abstract static class Writing {
        final ErrorWriter errors;

        Writing(ErrorWriter errors) {
            this.errors = errors;
        }
    }

    /** Our own refusals. */
    @Provider
    public static final class Api extends Writing implements ExceptionMapper<ApiException> {
        Api(ErrorWriter errors) {
            super(errors);
        }

        @Override
        public Response toResponse(ApiException e) {
            RequestTracking.refusedFor(e.reason());
            return errors.response(e.status(), e.getMessage(), e.headers());
        }
    }

    /** The database could not take the write now: nothing was written, try again. */
    @Provider
    public static final class Database extends Writing implements ExceptionMapper<DatabaseUnavailable> {
        Database(ErrorWriter errors) {
            super(errors);
        }

        @Override
        public Response toResponse(DatabaseUnavailable e) {
            return errors.response(503, e.getMessage());
        }
    }

    /**
     * A write that broke a rule of the schema (a name taken meanwhile by a concurrent request, a
     * value longer than its column): the same 4xx on SQLite and PostgreSQL, and nothing written.
     */
    @Provider
    public static final class Refused extends Writing implements ExceptionMapper<ConstraintRefused> {
        Refused(ErrorWriter errors) {
            super(errors);
        }

        @Override
        public Response toResponse(ConstraintRefused e) {
            return refusal(errors, e);
        }
    }

    static Response refusal(ErrorWriter errors, ConstraintRefused e) {
        String what = e.columns().stream()
                .map(c -> c.replaceAll("_(key|hash)$", "").replace('_', ' '))
                .collect(Collectors.joining(" and "));
        return switch (e.kind()) {
            case UNIQUE ->
                errors.response(409, what.isEmpty() ? "That already exists" : "That " + what + " is already taken");
            case TOO_LONG -> errors.response(400, "A value is too long to keep; shorten it");
            case NOT_NULL -> errors.response(400, what.isEmpty() ? "A value is missing" : what + " is required");
            case FOREIGN_KEY -> errors.response(400, "That refers to something that does not exist");
            case CHECK, OTHER -> errors.response(400, "That value is not allowed");
        };
    }

    /** Malformed JSON, wrong JSON types, duplicate keys, bad amounts inside a body. */
    @Provider
    public static final class Json extends Writing implements ExceptionMapper<JsonProcessingException> {
        Json(ErrorWriter errors) {
            super(errors);
        }

        @Override
        public Response toResponse(JsonProcessingException e) {
            return errors.response(400, JsonErrors.describe(e));
        }
    }

    /**
     * Bean Validation of query parameters ({@code @Min}, {@code @Max}): each constraint's message
     * names its parameter and the allowed range, so it is the whole answer.
     */
    @Provider
    public static final class Validation extends Writing implements ExceptionMapper<ConstraintViolationException> {
        Validation(ErrorWriter errors) {
            super(errors);
        }

        @Override
        public Response toResponse(ConstraintViolationException e) {
            String message = e.getConstraintViolations().stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .collect(Collectors.joining("; "));
            return errors.response(400, message.isEmpty() ? "Bad request" : message);
        }
    }

    /** Jersey's own errors: unknown route, wrong method, wrong media type, bad path/query params. */
    @Provider
    public static final class Web extends Writing implements ExceptionMapper<WebApplicationException> {
        Web(ErrorWriter errors) {
            super(errors);
        }

        @Override
        public Response toResponse(WebApplicationException e) {
            Throwable body = BodyLimitFilter.tooLarge(e);
            if (body != null) {
                return errors.response(413, body.getMessage());
            }
            if (e.getCause() instanceof JsonProcessingException j) {
                return errors.response(400, JsonErrors.describe(j));
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
                default ->
                    e instanceof ParamException p
                            ? "Invalid parameter " + p.getParameterName()
                            : status < 500 ? "Bad request" : "Internal error";
            };
            // Every typed query parameter of the API is a whole number (limits, offsets, cursors, payouts).
            if (e instanceof ParamException.QueryParamException q) {
                message = q.getParameterName() + " must be a whole number";
            }
            if (e instanceof ParamException) {
                status = 400;
            }
            if (status >= 500) {
                LOG.error("Unexpected web error", e);
            }
            Response.ResponseBuilder b = Response.fromResponse(errors.response(status, message));
            e.getResponse().getHeaders().forEach((k, v) -> {
                if (k.equalsIgnoreCase("Allow") || k.equalsIgnoreCase("Retry-After")) {
                    v.forEach(x -> b.header(k, x));
                }
            });
            return b.build();
        }
    }

    /** Anything else is our bug (unless a known failure hides inside it): log it with the stack, answer without it. */
    @Provider
    public static final class Unexpected extends Writing implements ExceptionMapper<Throwable> {
        Unexpected(ErrorWriter errors) {
            super(errors);
        }

        @Override
        public Response toResponse(Throwable e) {
            Throwable tooLarge = BodyLimitFilter.tooLarge(e);
            if (tooLarge != null) {
                return errors.response(413, tooLarge.getMessage());
            }
            Optional<Response> known = Throwables.getCausalChain(e).stream()
                    .map(this::known)
                    .flatMap(Optional::stream)
                    .findFirst();
            if (known.isPresent()) {
                return known.get();
            }
            // A schema rule broken on a path that did not go through a writer: the same answer.
            Optional<ConstraintRefused> refused = ConstraintRefused.of(e);
            if (refused.isPresent()) {
                return refusal(errors, refused.get());
            }
            LOG.error("Unexpected error", e);
            return errors.response(500, "Internal error");
        }

        private Optional<Response> known(Throwable c) {
            if (c instanceof ApiException a) {
                return Optional.of(errors.response(a.status(), a.getMessage(), a.headers()));
            }
            if (c instanceof DatabaseUnavailable d) {
                return Optional.of(errors.response(503, d.getMessage()));
            }
            if (c instanceof ConstraintRefused r) {
                return Optional.of(refusal(errors, r));
            }
            if (c instanceof JsonProcessingException j) {
                return Optional.of(errors.response(400, JsonErrors.describe(j)));
            }
            return Optional.empty();
        }
    }
}
