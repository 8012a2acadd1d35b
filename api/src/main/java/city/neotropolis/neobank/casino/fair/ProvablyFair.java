package city.neotropolis.neobank.casino.fair;

import city.neotropolis.neobank.casino.math.ReelSet;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reel stops a player can verify. The server seed (32 random bytes as 64 lowercase hex characters)
 * is committed by SHA-256 of that hex text before it is used. Each spin reads HMAC-SHA256 blocks,
 * key = the server seed's hex text (as ASCII), message = {@code client_seed:nonce:round} with
 * round = 0, 1, 2, …; every block is eight big-endian unsigned 32-bit numbers, consumed in order.
 * Reel r takes the next number u below the largest multiple of its total weight T that fits in
 * 2³² (others are skipped: rejection sampling, no modulo bias), and stops at the first stop whose
 * cumulative weight exceeds u mod T.
 */
public final class ProvablyFair {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();
    private static final Pattern SEED = Pattern.compile("[0-9a-f]{64}");
    /** Client seeds: printable ASCII without ':' (the separator), 1–64 characters. */
    public static final Pattern CLIENT_SEED = Pattern.compile("[\\x21-\\x39\\x3B-\\x7E]{1,64}");

    /** A thread's HMAC, still keyed with the last seed it used (re-keying costs as much as a spin). */
    private static final class KeyedMac {
        final Mac mac;
        String key;

        KeyedMac() {
            try {
                mac = Mac.getInstance("HmacSHA256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        Mac keyedWith(String serverSeed) throws InvalidKeyException {
            if (!serverSeed.equals(key)) {
                key = null;
                mac.init(new SecretKeySpec(serverSeed.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
                key = serverSeed;
            }
            return mac;
        }
    }

    private static final ThreadLocal<KeyedMac> MACS = ThreadLocal.withInitial(KeyedMac::new);

    private ProvablyFair() {}

    public static String newServerSeed() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    public static String newClientSeed() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HEX.formatHex(b);
    }

    public static boolean isServerSeed(String s) {
        return s != null && SEED.matcher(s).matches();
    }

    /** The commitment: lowercase hex SHA-256 of the seed's hex text. */
    public static String hash(String serverSeed) {
        try {
            return HEX.formatHex(
                    MessageDigest.getInstance("SHA-256").digest(serverSeed.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stops of one spin. */
    public static int[] stops(String serverSeed, String clientSeed, long nonce, ReelSet set) {
        Stream s = new Stream(serverSeed, clientSeed, nonce);
        int[] stops = new int[set.reels()];
        for (int r = 0; r < stops.length; r++) {
            long total = set.total(r);
            long limit = (1L << 32) - ((1L << 32) % total);
            long u;
            do {
                u = s.next();
            } while (u >= limit);
            stops[r] = set.stopFor(r, u % total);
        }
        return stops;
    }

    /** The unsigned 32-bit numbers of one spin, block after block. */
    static final class Stream {
        private final Mac mac;
        private final String prefix;
        private final byte[] block = new byte[32];
        private int round;
        private int offset = 32;

        Stream(String serverSeed, String clientSeed, long nonce) {
            try {
                mac = MACS.get().keyedWith(serverSeed);
            } catch (InvalidKeyException e) {
                throw new IllegalStateException(e);
            }
            prefix = clientSeed + ":" + nonce + ":";
        }

        long next() {
            if (offset == 32) {
                mac.update((prefix + round++).getBytes(StandardCharsets.US_ASCII));
                try {
                    mac.doFinal(block, 0);
                } catch (javax.crypto.ShortBufferException e) {
                    throw new IllegalStateException(e);
                }
                offset = 0;
            }
            long u = ((block[offset] & 0xFFL) << 24)
                    | ((block[offset + 1] & 0xFFL) << 16)
                    | ((block[offset + 2] & 0xFFL) << 8)
                    | (block[offset + 3] & 0xFFL);
            offset += 4;
            return u;
        }
    }
}
