package city.neotropolis.neobank.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The SPA's files, read once from the classpath folder {@code ui/} (a directory in development,
 * the fat jar in production), and the release version: a digest of every file, so that a changed
 * file gets a new URL and the old one can be cached for a year.
 */
public final class AppFiles {
    private static final String ROOT = "ui/";

    private final Map<String, byte[]> files;
    private final String version;

    private AppFiles(Map<String, byte[]> files) {
        this.files = files;
        this.version = digest(files).substring(0, 12);
    }

    /** Every file under {@code ui/} on the classpath, by its path below it ({@code js/main.js}). */
    public static AppFiles load() {
        URL index = AppFiles.class.getClassLoader().getResource(ROOT + "index.html");
        if (index == null) {
            throw new IllegalStateException("ui/index.html is not on the classpath (is neobank-ui a dependency?)");
        }
        Map<String, byte[]> files = new TreeMap<>();
        try {
            if ("jar".equals(index.getProtocol())) {
                JarURLConnection c = (JarURLConnection) index.openConnection();
                c.setUseCaches(false);
                try (JarFile jar =
                        new JarFile(Path.of(c.getJarFileURL().toURI()).toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries())) {
                        if (!e.isDirectory() && e.getName().startsWith(ROOT)) {
                            try (InputStream in = jar.getInputStream(e)) {
                                files.put(e.getName().substring(ROOT.length()), in.readAllBytes());
                            }
                        }
                    }
                }
            } else {
                Path root = Path.of(index.toURI()).getParent();
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.filter(Files::isRegularFile).toList()) {
                        files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new AppFiles(Map.copyOf(files));
    }

    /** The version of a WebJar on the classpath, from its Maven metadata. */
    public static String webJarVersion(String artifact) {
        String meta = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = AppFiles.class.getClassLoader().getResourceAsStream(meta)) {
            if (in == null) {
                throw new IllegalStateException("WebJar " + artifact + " is not on the classpath");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] get(String path) {
        return files.get(path);
    }

    public Map<String, byte[]> all() {
        return files;
    }

    public String version() {
        return version;
    }

    static String digest(Map<String, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(files).forEach((name, bytes) -> {
                sha.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
