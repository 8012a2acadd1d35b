package city.neotropolis.neobank.webapp;

import city.neotropolis.neobank.web.EdgeFilter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three files that cannot carry a version in their URL — {@code index.html}, the service
 * worker and the web manifest — rendered once at start with the release's URLs filled in:
 * <code>{{app}}</code> (this release's file prefix), <code>{{version}}</code>,
 * <code>{{webjar:NAME}}</code> (a WebJar's versioned folder) and <code>{{precache}}</code> (the
 * app shell's URLs, for the service worker).
 */
public final class AppShell {
    /** The WebJars the app may load; nothing else under /webjars is served. */
    public static final List<String> WEBJARS = List.of("vue", "qr-creator", "html5-qrcode", "uplot");

    private static final Pattern TOKEN = Pattern.compile("\\{\\{(app|version|precache|webjar:[a-z0-9-]+)}}");
    private static final Pattern IMPORT_MAP =
            Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);
    /** Served from the root (scope and discovery need it) and rendered; never under the versioned prefix. */
    static final List<String> ROOT_FILES = List.of("index.html", "sw.js", "manifest.webmanifest");

    private final AppFiles files;
    private final Map<String, String> webJarVersions = new TreeMap<>();
    private final byte[] index;
    private final byte[] serviceWorker;
    private final byte[] manifest;
    private final String indexCsp;

    public AppShell(AppFiles files) {
        this.files = files;
        for (String w : WEBJARS) {
            webJarVersions.put(w, AppFiles.webJarVersion(w));
        }
        String html = render(text("index.html"));
        this.index = html.getBytes(StandardCharsets.UTF_8);
        this.serviceWorker = render(text("sw.js")).getBytes(StandardCharsets.UTF_8);
        this.manifest = render(text("manifest.webmanifest")).getBytes(StandardCharsets.UTF_8);
        this.indexCsp = cspFor(html);
    }

    /** This release's prefix for versioned files, e.g. {@code /app/3f9a0c12d4e5}. */
    public String appPrefix() {
        return "/app/" + files.version();
    }

    public String version() {
        return files.version();
    }

    public byte[] index() {
        return index;
    }

    public byte[] serviceWorker() {
        return serviceWorker;
    }

    public byte[] manifest() {
        return manifest;
    }

    /** The page's policy: the general one, plus the hash of the one inline script, the import map. */
    public String indexCsp() {
        return indexCsp;
    }

    /** The versioned folder of an allowed WebJar, or null. */
    public String webJarVersion(String name) {
        return webJarVersions.get(name);
    }

    /** Every URL the service worker stores at install: the page and what it needs to start offline. */
    List<String> precache() {
        List<String> urls = new ArrayList<>();
        urls.add("/");
        for (String path : files.all().keySet()) {
            if (!ROOT_FILES.contains(path) && !path.endsWith(".md")) {
                urls.add(appPrefix() + "/" + path);
            }
        }
        urls.add(webJar("vue") + "/dist/vue.esm-browser.prod.js");
        urls.add(webJar("qr-creator") + "/dist/qr-creator.es6.min.js");
        return urls;
    }

    private String webJar(String name) {
        return "/webjars/" + name + "/" + webJarVersions.get(name);
    }

    private String text(String path) {
        byte[] b = files.get(path);
        if (b == null) {
            throw new IllegalStateException("ui/" + path + " is missing");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    String render(String template) {
        Matcher m = TOKEN.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String value;
            if (token.equals("app")) {
                value = appPrefix();
            } else if (token.equals("version")) {
                value = files.version();
            } else if (token.equals("precache")) {
                value = "["
                        + String.join(
                                ",",
                                precache().stream().map(u -> "\"" + u + "\"").toList()) + "]";
            } else {
                String name = token.substring("webjar:".length());
                if (!webJarVersions.containsKey(name)) {
                    throw new IllegalStateException("unknown WebJar in a template: " + name);
                }
                value = webJar(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String cspFor(String html) {
        Matcher m = IMPORT_MAP.matcher(html);
        if (!m.find()) {
            return EdgeFilter.CSP;
        }
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
            String hash = "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
            return EdgeFilter.CSP.replace("script-src 'self'", "script-src 'self' " + hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
