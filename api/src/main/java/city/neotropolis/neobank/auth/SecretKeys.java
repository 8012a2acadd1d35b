package city.neotropolis.neobank.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JWT signing key: {@code NEOBANK_SECRET_KEY} when set (at least 32 bytes), else a random key
 * generated once and kept in the data dir, so a restart does not sign everyone out.
 */
public final class SecretKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SecretKeys.class);
    static final String FILE = "jwt-secret.key";

    private SecretKeys() {}

    public static byte[] load(String configured, Path dataDir) throws IOException {
        return load(configured, dataDir, FILE, "NEOBANK_SECRET_KEY");
    }

    /**
     * The key that hashes chips' UIDs: {@code NEOBANK_CHIP_KEY} when set (at least 32 bytes), else
     * one generated once and kept in the data dir. Kept apart from the signing key so renewing
     * that one does not unlink every chip; the same on every replica (set it, or share the file).
     */
    public static byte[] chipKey(Path dataDir) throws IOException {
        return load(System.getenv("NEOBANK_CHIP_KEY"), dataDir, "chip-secret.key", "NEOBANK_CHIP_KEY");
    }

    private static byte[] load(String configured, Path dataDir, String fileName, String variable) throws IOException {
        if (configured != null && !configured.isBlank()) {
            byte[] key = configured.getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException(variable + " must be at least 32 bytes long");
            }
            return key;
        }
        Path file = dataDir.resolve(fileName);
        if (Files.exists(file)) {
            byte[] key = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length >= 32) {
                return key;
            }
        }
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(dataDir);
        Path tmp = Files.createTempFile(dataDir, fileName, ".tmp");
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the data dir's own permissions have to do
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.warn(
                "{} is not set: generated a key and kept it in {}. "
                        + "Set {} for production and for more than one replica.",
                variable,
                file,
                variable);
        return key;
    }
}
