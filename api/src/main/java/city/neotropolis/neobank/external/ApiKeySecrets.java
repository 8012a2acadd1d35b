package city.neotropolis.neobank.external;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a key looks like ({@code nbk_} and 43 base64url characters: 256 random bits), and how it is
 * stored: its SHA-256, hex. A fast hash is right here, unlike for passwords: a key is 256 bits of
 * randomness, not something a person chose, so there is nothing to guess from its hash, and a fast
 * hash lets every request find its key with one indexed lookup instead of a bcrypt per key.
 */
public final class ApiKeySecrets {
    public static final String PREFIX = "nbk_";
    /** How much of a key is kept in clear, so a GM can tell keys apart in a list. */
    public static final int SHOWN = PREFIX.length() + 8;

    private static final Pattern SHAPE = Pattern.compile("nbk_[A-Za-z0-9_-]{43}");
    /** The original NeoBank's keys (43 base64url characters, no prefix), kept working by import-original. */
    private static final Pattern ORIGINAL_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {}

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** True when the text could be a key at all; anything else is refused without a lookup. */
    public static boolean wellFormed(String raw) {
        return raw != null
                && ((raw.length() == PREFIX.length() + 43 && SHAPE.matcher(raw).matches())
                        || (raw.length() == 43 && ORIGINAL_SHAPE.matcher(raw).matches()));
    }

    public static String hash(String raw) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    public static String shown(String raw) {
        return raw.substring(0, SHOWN);
    }
}
