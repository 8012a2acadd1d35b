package city.neotropolis.neobank.web;

import java.util.Map;

/** A refusal with a status and a message meant for the person or terminal that asked. */
public class ApiException extends RuntimeException {
    private final int status;
    private final Map<String, String> headers;

    public ApiException(int status, String message) {
        this(status, message, Map.of());
    }

    public ApiException(int status, String message, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.headers = headers;
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

    /** Headers the answer carries besides the body, e.g. Retry-After on a 429. */
    public Map<String, String> headers() {
        return headers;
    }
}
