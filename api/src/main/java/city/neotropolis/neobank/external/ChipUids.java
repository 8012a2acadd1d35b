package city.neotropolis.neobank.external;

import city.neotropolis.neobank.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A chip's UID as the service knows it: normalised (hex digits only, upper case, without the
 * separators readers print) and then hashed with HMAC-SHA256 under a key the database never holds.
 * UIDs are readable by anyone with a reader, so only the keyed hash is stored: a copy of the
 * database alone cannot be turned back into UIDs to clone.
 */
public final class ChipUids {
    /** ISO 14443 UIDs are 4, 7 or 10 bytes; some readers report a 4-byte random or 8-byte ID. */
    private static final int[] BYTES = {4, 7, 8, 10};

    private final byte[] key;

    public ChipUids(byte[] key) {
        if (key == null || key.length < 32) {
            throw new IllegalStateException("The chip key must be at least 32 bytes");
        }
        this.key = key.clone();
    }

    /** Upper-case hex of 4, 7, 8 or 10 bytes; spaces, colons and dashes between digits are dropped. */
    public static String normalize(String uid) {
        if (uid == null) {
            throw ApiException.badRequest("uid is required");
        }
        if (uid.length() > 64) {
            throw ApiException.badRequest("uid is too long: send the tag's UID in hex, e.g. 04:A2:2B:1C:6E:5D:80");
        }
        String hex = uid.trim().replaceAll("[\\s:\\-]", "");
        if (hex.startsWith("0x") || hex.startsWith("0X")) {
            hex = hex.substring(2);
        }
        if (!hex.matches("[0-9a-fA-F]+")) {
            throw ApiException.badRequest("uid must be hex digits (separators : - or space allowed)");
        }
        for (int n : BYTES) {
            if (hex.length() == n * 2) {
                return hex.toUpperCase(Locale.ROOT);
            }
        }
        throw ApiException.badRequest("uid must be 4, 7, 8 or 10 bytes (8, 14, 16 or 20 hex digits)");
    }

    /** The stored form: HMAC-SHA256 of the normalised UID, as lower-case hex. */
    public String hash(String uid) {
        String normalized = normalize(uid);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(normalized.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
