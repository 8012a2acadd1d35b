package city.neotropolis.neobank.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** HS256 access tokens. Anything but a valid HS256 signature by our key, unexpired, is refused. */
public final class Tokens {
    private static final String ISSUER = "neobank";

    /** What a verified token claims: the account and the token version it was issued under. */
    public record Claims(long accountId, int tokenVersion) {}

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;

    public Tokens(byte[] secret, Duration lifetime, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The JWT secret must be at least 32 bytes");
        }
        this.algorithm = Algorithm.HMAC256(secret);
        this.verifier = ((JWTVerifier.BaseVerification) JWT.require(algorithm)
                        .withIssuer(ISSUER)
                        .withClaimPresence("uid")
                        .withClaimPresence("tv"))
                .build(clock);
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public String issue(Player player) {
        Instant now = clock.instant();
        return JWT.create()
                .withIssuer(ISSUER)
                .withSubject(player.accountNumber())
                .withClaim("uid", player.id())
                .withClaim("tv", player.tokenVersion())
                .withIssuedAt(now)
                .withExpiresAt(now.plus(lifetime))
                .sign(algorithm);
    }

    public Duration lifetime() {
        return lifetime;
    }

    public Optional<Claims> verify(String token) {
        try {
            DecodedJWT jwt = verifier.verify(token);
            Long uid = jwt.getClaim("uid").asLong();
            Integer tv = jwt.getClaim("tv").asInt();
            if (uid == null || tv == null) {
                return Optional.empty();
            }
            return Optional.of(new Claims(uid, tv));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
