package city.neotropolis.neobank.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Serves the SPA. The page, service worker and manifest are never cached by the browser (a new
 * release must reach every phone at once); every other file has the release version or the WebJar
 * version in its URL and is cached for a year. Text is gzipped once, at best compression, and kept.
 */
public final class AppServlet extends HttpServlet {
    private static final String IMMUTABLE = "public, max-age=31536000, immutable";

    /** A file ready to send: its bytes, their gzip form (null when not worth it) and a strong ETag. */
    record Entry(String type, byte[] plain, byte[] gzip, String etag) {}

    private final AppShell shell;
    private final AppFiles files;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public AppServlet(AppShell shell, AppFiles files) {
        this.shell = shell;
        this.files = files;
        cache.put("/", entry("index.html", shell.index()));
        cache.put("/sw.js", entry("sw.js", shell.serviceWorker()));
        cache.put("/manifest.webmanifest", entry("manifest.webmanifest", shell.manifest()));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getRequestURI();
        if (path.equals("/") || path.equals("/index.html")) {
            res.setHeader("Cache-Control", "no-store");
            res.setHeader("Content-Security-Policy", shell.indexCsp());
            send(req, res, cache.get("/"));
        } else if (path.equals("/sw.js") || path.equals("/manifest.webmanifest")) {
            res.setHeader("Cache-Control", "no-cache");
            send(req, res, cache.get(path));
        } else if (path.startsWith(shell.appPrefix() + "/")) {
            Entry e = cache.computeIfAbsent(
                    path, p -> appFile(p.substring(shell.appPrefix().length() + 1)));
            immutable(req, res, e);
        } else if (path.startsWith("/webjars/")) {
            immutable(req, res, cache.computeIfAbsent(path, AppServlet.this::webJarFile));
        } else {
            res.sendError(404, "Not found");
        }
    }

    private void immutable(HttpServletRequest req, HttpServletResponse res, Entry e) throws IOException {
        if (e.plain() == null) {
            res.sendError(404, "Not found");
            return;
        }
        res.setHeader("Cache-Control", IMMUTABLE);
        send(req, res, e);
    }

    private Entry appFile(String relative) {
        if (AppShell.ROOT_FILES.contains(relative) || relative.contains("..")) {
            return missing();
        }
        byte[] b = files.get(relative);
        return b == null ? missing() : entry(relative, b);
    }

    private Entry webJarFile(String path) {
        String[] parts = path.split("/", 5); // "", "webjars", name, version, file
        if (parts.length < 5 || path.contains("..") || !parts[3].equals(shell.webJarVersion(parts[2]))) {
            return missing();
        }
        String resource = "META-INF/resources" + path;
        try (InputStream in = AppServlet.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? missing() : entry(parts[4], in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry missing() {
        return new Entry(null, null, null, null);
    }

    private static void send(HttpServletRequest req, HttpServletResponse res, Entry e) throws IOException {
        res.setHeader("ETag", e.etag());
        res.setHeader("Vary", "Accept-Encoding");
        res.setContentType(e.type());
        if (e.etag().equals(req.getHeader("If-None-Match"))) {
            res.setStatus(304);
            return;
        }
        String accept = req.getHeader("Accept-Encoding");
        byte[] body = e.plain();
        if (e.gzip() != null && accept != null && accept.contains("gzip")) {
            res.setHeader("Content-Encoding", "gzip");
            body = e.gzip();
        }
        res.setContentLength(body.length);
        if (!"HEAD".equals(req.getMethod())) {
            res.getOutputStream().write(body);
        }
    }

    static Entry entry(String name, byte[] plain) {
        String type = type(name);
        boolean text = type.startsWith("text/") || type.contains("json") || type.contains("svg");
        byte[] gzip = text && plain.length > 256 ? gzip(plain) : null;
        return new Entry(type, plain, gzip, "\"" + sha256(plain).substring(0, 20) + "\"");
    }

    static String type(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "html" -> "text/html;charset=utf-8";
            case "js", "mjs" -> "text/javascript;charset=utf-8";
            case "css" -> "text/css;charset=utf-8";
            case "json" -> "application/json";
            case "webmanifest" -> "application/manifest+json";
            case "svg" -> "image/svg+xml";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            case "woff2" -> "font/woff2";
            default -> "application/octet-stream";
        };
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gz.write(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
