package city.neotropolis.neobank.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * HS256 access tokens. Anything but a valid HS256 signature by our key, unexpired, is refused.
 *
 * <p>A phone sends the same token with every request, so a token that verified once is remembered
 * (the exact string: same string, same signature) with its expiry, and later requests skip the
 * decoding and the HMAC; the expiry is still checked on every use. What a token may do beyond that
 * (frozen, rotated out by a password change) is the principal's business, checked on every request.
 */
public final class Tokens {
    private static final String ISSUER = "neobank";

    /** What a verified token claims: the account and the token version it was issued under. */
    public record Claims(long accountId, int tokenVersion) {}

    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    private final Duration lifetime;
    private final Clock clock;
    private final Cache<String, Verified> verified;

    /** A token that verified, and when it stops being good. */
    private record Verified(Claims claims, Instant expiresAt) {}

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
        this.verified = Caffeine.newBuilder()
                .maximumSize(20_000)
                .expireAfterWrite(lifetime)
                .build();
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
        if (token == null) {
            return Optional.empty();
        }
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (clock.instant().isAfter(known.expiresAt())) {
                verified.invalidate(token);
                return Optional.empty();
            }
            return Optional.of(known.claims());
        }
        try {
            DecodedJWT jwt = verifier.verify(token);
            Long uid = jwt.getClaim("uid").asLong();
            Integer tv = jwt.getClaim("tv").asInt();
            if (uid == null || tv == null || jwt.getExpiresAtAsInstant() == null) {
                return Optional.empty();
            }
            Claims claims = new Claims(uid, tv);
            verified.put(token, new Verified(claims, jwt.getExpiresAtAsInstant()));
            return Optional.of(claims);
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
