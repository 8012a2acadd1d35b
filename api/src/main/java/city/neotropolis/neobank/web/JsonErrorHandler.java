package city.neotropolis.neobank.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors that Jetty answers itself (unknown static file, unparseable URI, a servlet's sendError)
 * in the API's JSON shape instead of an HTML page. {@link Servlet} is for the application context,
 * this class for the server as a whole.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private final ErrorWriter errors;

    public JsonErrorHandler(ErrorWriter errors) {
        this.errors = errors;
    }

    static String message(int code, String message) {
        return switch (code) {
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 413 -> "Request body is too large";
            case 414 -> "URI is too long";
            case 431 -> "Request headers are too large";
            default -> code < 500 ? "Bad request" : "Internal error";
        };
    }

    /** Jetty writes error bodies for GET, POST and HEAD only; a PUT or DELETE deserves one too. */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected boolean generateAcceptableResponse(
            Request request,
            Response response,
            Callback callback,
            String contentType,
            List<Charset> charsets,
            int code,
            String message,
            Throwable cause)
            throws IOException {
        // The server answers here only what it could not even route (a malformed or ambiguous URI):
        // the rest of such a request is never read, so the connection is closed, and we say so.
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        return super.generateAcceptableResponse(
                request, response, callback, "application/json", List.of(StandardCharsets.UTF_8), code, message, cause);
    }

    /** A request Jetty could not parse: the connection is closed after the answer; say so. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONNECTION, "close");
        return super.badMessageError(status, reason, fields);
    }

    /** An error answered before the body was read leaves the connection unusable: tell the client. */
    static void closeIfBodyUnread(Request request, Response response) {
        if (request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING)) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(errors.text(message(code, message)));
    }

    /** The same for the servlet context that serves the SPA and the API. */
    public static final class Servlet extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        private final ErrorWriter errors;

        public Servlet(ErrorWriter errors) {
            this.errors = errors;
        }

        @Override
        public boolean errorPageForMethod(String method) {
            return true;
        }

        @Override
        protected boolean generateAcceptableResponse(
                Request request,
                Response response,
                Callback callback,
                String contentType,
                List<Charset> charsets,
                int code,
                String message,
                Throwable cause)
                throws IOException {
            closeIfBodyUnread(request, response);
            return super.generateAcceptableResponse(
                    request,
                    response,
                    callback,
                    "application/json",
                    List.of(StandardCharsets.UTF_8),
                    code,
                    message,
                    cause);
        }

        @Override
        protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
            writer.write(errors.text(JsonErrorHandler.message(code, message)));
        }
    }
}
