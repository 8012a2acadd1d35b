package city.neotropolis.bench.phones;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * One open phone: its own keep-alive connection and the ETag of its last answer, polling as the
 * web app's live balance does. HTTP/1.1 by hand, so that each phone really holds one connection.
 */
final class Phone {
    private final URI base;
    private final Signup.Player player;
    private final Tally tally;
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private String etag;
    private volatile boolean expecting;
    private volatile long paidAt;

    Phone(URI base, Signup.Player player, Tally tally) {
        this.base = base;
        this.player = player;
        this.tally = tally;
    }

    String account() {
        return player.account();
    }

    void expectMoney() {
        paidAt = 0;
        expecting = true;
    }

    void paid() {
        paidAt = System.nanoTime();
    }

    synchronized void poll() {
        long start = System.nanoTime();
        try {
            if (socket == null) {
                socket = new Socket();
                socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
                socket.setSoTimeout(10_000);
                socket.setTcpNoDelay(true);
                out = socket.getOutputStream();
                in = new BufferedInputStream(socket.getInputStream());
            }
            String request = "GET /api/v1/account HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: application/json\r\nAuthorization: Bearer " + player.token() + "\r\n"
                    + (etag == null ? "" : "If-None-Match: " + etag + "\r\n") + "\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            RawResponse r = RawResponse.read(in);
            tally.latency(System.nanoTime() - start);
            if (r.status() == 304) {
                tally.notModified();
            } else if (r.status() == 200) {
                boolean first = etag == null;
                etag = r.etag();
                tally.changed();
                if (!first && expecting && paidAt != 0) {
                    tally.seen(System.nanoTime() - paidAt);
                    expecting = false;
                }
            } else {
                tally.error();
            }
            if (r.close()) {
                close();
            }
        } catch (IOException e) {
            tally.error();
            close();
        }
    }

    synchronized void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        socket = null;
    }
}
