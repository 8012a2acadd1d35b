package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * The GM's login, kept in {@code <home>/session} readable by the owner only: a bearer token is as good as the
 * password for its lifetime. The token is bound to the URL it was issued by, so it is never sent elsewhere.
 */
public record Session(String url, String token, String characterName, String accountNumber) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    public static Optional<Session> load(Path home) {
        Path file = home.resolve("session");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.hasNonNull("token") || !n.hasNonNull("url")) {
                return Optional.empty();
            }
            return Optional.of(new Session(
                    n.get("url").asText(),
                    n.get("token").asText(),
                    n.path("character_name").asText(""),
                    n.path("account_number").asText("")));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** Writes the session atomically; the file never exists with wider permissions than 0600. */
    public void save(Path home) {
        try {
            createHome(home);
            ObjectNode n = JSON.createObjectNode();
            n.put("url", url)
                    .put("token", token)
                    .put("character_name", characterName)
                    .put("account_number", accountNumber);
            Path tmp = home.resolve("session.tmp");
            Files.deleteIfExists(tmp);
            if (posix()) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.write(tmp, JSON.writeValueAsBytes(n));
            Files.move(
                    tmp, home.resolve("session"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the session in " + home, e);
        }
    }

    /** Forgets the session; true when there was one. */
    public static boolean delete(Path home) {
        try {
            return Files.deleteIfExists(home.resolve("session"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the session in " + home, e);
        }
    }

    static void createHome(Path home) throws IOException {
        if (!Files.isDirectory(home)) {
            if (posix()) {
                Files.createDirectories(home, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(home);
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
