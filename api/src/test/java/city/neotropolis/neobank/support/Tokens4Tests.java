package city.neotropolis.neobank.support;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Hand-made tokens for the attacks a JWT verifier must refuse. */
public final class Tokens4Tests {
    private Tokens4Tests() {}

    private static com.auth0.jwt.JWTCreator.Builder claims(long uid, Instant exp) {
        return JWT.create()
                .withIssuer("neobank")
                .withClaim("uid", uid)
                .withClaim("tv", 0)
                .withIssuedAt(exp.minusSeconds(3600))
                .withExpiresAt(exp);
    }

    public static String expired(long uid) {
        return claims(uid, Instant.now().minusSeconds(60)).sign(Algorithm.HMAC256(TestApp.SECRET));
    }

    /** A good token for an account that never logged in (token version 0, an hour to live). */
    public static String valid(long uid) {
        return claims(uid, Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC256(TestApp.SECRET));
    }

    public static String wronglySigned(long uid) {
        return claims(uid, Instant.now().plusSeconds(3600))
                .sign(Algorithm.HMAC256("another-secret-key-of-at-least-32-bytes!!"));
    }

    /** Same secret, another HMAC: algorithm substitution must fail too. */
    public static String otherAlgorithm(long uid) {
        return claims(uid, Instant.now().plusSeconds(3600)).sign(Algorithm.HMAC512(TestApp.SECRET));
    }

    public static String algNone(long uid) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"neobank\",\"uid\":" + uid + ",\"tv\":0,\"exp\":"
                        + Instant.now().plusSeconds(3600).getEpochSecond() + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** The account id inside a real token (its payload is not secret). */
    public static long uid(String token) {
        return JWT.decode(token).getClaim("uid").asLong();
    }
}
