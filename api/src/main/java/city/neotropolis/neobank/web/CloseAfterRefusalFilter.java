package city.neotropolis.neobank.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * A request refused before its body was read (no token, wrong media type, ...) leaves unread bytes
 * on the connection, and Jetty then closes it after answering — without saying so, so a client
 * that reuses the connection for its next request (terminals and HTTP clients do) finds it dead.
 * Saying {@code Connection: close} on such answers makes the client open a fresh one.
 */
@Provider
public final class CloseAfterRefusalFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        // Judged from the headers: asking the entity stream itself fails once the body was read.
        boolean hadBody = request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (response.getStatus() >= 400 && hadBody) {
            response.getHeaders().putSingle("Connection", "close");
        }
    }
}
