package city.neotropolis.neobank.web;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.Invocable;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Reads a request's whole body without a thread before any servlet sees it. Jersey reads bodies
 * with blocking calls, so a client that trickles its body one byte at a time would otherwise hold
 * a Jetty thread for as long as it likes; here it holds only a buffer (at most the body limit) and
 * a connection (bounded by the connection limit) until the body is complete or {@code deadline}
 * passes (408). Bodies that announce more than the limit go straight on to the 413 of
 * {@link BodyLimitFilter}, unread.
 */
public final class BodyFirst extends Handler.Wrapper {
    private final long maxBytes;
    private final Duration deadline;

    public BodyFirst(long maxBytes, Duration deadline) {
        this.maxBytes = maxBytes;
        this.deadline = deadline;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if ((length <= 0 && !chunked) || length > maxBytes) {
            return super.handle(request, response, callback);
        }
        AtomicBoolean late = new AtomicBoolean();
        Scheduler.Task timer = request.getComponents()
                .getScheduler()
                .schedule(
                        () -> {
                            late.set(true);
                            request.fail(new TimeoutException("request body not complete in time"));
                        },
                        deadline);
        // BLOCKING: the servlet runs where this completes, so Jetty must call it on a pool thread.
        Content.Source.asByteArrayAsync(
                request, (int) maxBytes, Promise.Invocable.from(Invocable.InvocationType.BLOCKING, (body, failure) -> {
                    timer.cancel();
                    if (failure == null) {
                        handleWhole(request, body, response, callback);
                    } else if (late.get()) {
                        response.getHeaders().put(HttpHeader.CONNECTION, "close");
                        Response.writeError(request, response, callback, 408, "Request body not complete in time");
                    } else if (failure instanceof IllegalStateException
                            || failure instanceof IllegalArgumentException) {
                        // Jetty's way of saying the body passed maxBytes ("Max size exceeded").
                        response.getHeaders().put(HttpHeader.CONNECTION, "close");
                        Response.writeError(request, response, callback, 413, "Request body is too large");
                    } else {
                        Response.writeError(request, response, callback, failure);
                    }
                }));
        return true;
    }

    private void handleWhole(Request request, byte[] body, Response response, Callback callback) {
        Content.Source buffered = Content.Source.from(ByteBuffer.wrap(body));
        Request whole = new Request.Wrapper(request) {
            @Override
            public Content.Chunk read() {
                return buffered.read();
            }

            @Override
            public void demand(Runnable demandCallback) {
                buffered.demand(demandCallback);
            }

            @Override
            public void fail(Throwable failure) {
                buffered.fail(failure);
            }
        };
        try {
            if (!super.handle(whole, response, callback)) {
                Response.writeError(request, response, callback, 404);
            }
        } catch (Throwable t) {
            Response.writeError(request, response, callback, t);
        }
    }
}
