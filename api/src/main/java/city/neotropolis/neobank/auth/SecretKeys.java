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
     * derived from the signing key (HMAC-SHA256 with a fixed label), so every replica that shares
     * {@code NEOBANK_SECRET_KEY} finds the same chips with nothing more to configure. Set it on its
     * own to change the signing key later without unlinking every chip.
     */
    public static byte[] chipKey(String configuredSecret, Path dataDir) throws IOException {
        String own = System.getenv("NEOBANK_CHIP_KEY");
        if (own != null && !own.isBlank()) {
            byte[] key = own.getBytes(StandardCharsets.UTF_8);
            if (key.length < 32) {
                throw new IllegalStateException("NEOBANK_CHIP_KEY must be at least 32 bytes long");
            }
            return key;
        }
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(load(configuredSecret, dataDir), "HmacSHA256"));
            return mac.doFinal("neobank/chip-uid/v1".getBytes(StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
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
