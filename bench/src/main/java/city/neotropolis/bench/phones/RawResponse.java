package city.neotropolis.bench.phones;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** The little of an HTTP/1.1 response a poll needs: the status, the ETag, whether to close; the body is skipped. */
record RawResponse(int status, String etag, boolean close) {
    static RawResponse read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        String etag = null;
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(Locale.ROOT);
            if (lower.startsWith("etag:")) {
                etag = h.substring(5).trim();
            } else if (lower.startsWith("content-length:")) {
                length = Long.parseLong(h.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        if (chunked) {
            for (long n = Long.parseLong(line(in).trim(), 16); n > 0; n = Long.parseLong(line(in).trim(), 16)) {
                in.skipNBytes(n);
                line(in);
            }
            line(in);
        } else {
            in.skipNBytes(length);
        }
        return new RawResponse(status, etag, close);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return b.toString().replace("\r", "");
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }
}
