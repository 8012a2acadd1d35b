package city.neotropolis.neobank.web;

import java.util.Map;

/** A refusal with a status and a message meant for the person or terminal that asked. */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;
    private final String reason;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, String> headers) {
        this(status, message, headers, null);
    }

    private ApiException(int status, String message, Map<String, String> headers, String reason) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
        this.reason = reason;
    }

    /** A 400 whose reason is worth its own line on the dashboard (e.g. {@code insufficient_funds}). */
    public static ApiException refused(String reason, String message) {
        return new ApiException(400, message, Map.of(), reason);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(403, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(409, message);
    }

    public static ApiException unprocessable(String message) {
        return new ApiException(422, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }

    public int status() {
        return status;
    }

    /** A short label for metrics ({@code insufficient_funds}, {@code frozen}), or null for the status's own. */
    public String reason() {
        return reason;
    }

    /** Headers the answer carries besides the body, e.g. Retry-After on a 429. */
    public Map<String, String> headers() {
        return headers;
    }
}
