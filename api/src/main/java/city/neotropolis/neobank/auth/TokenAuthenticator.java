package city.neotropolis.neobank.auth;

import io.dropwizard.auth.Authenticator;
import java.util.Optional;

/** A token is good when it verifies and its account still exists, is not frozen and has not rotated it out. */
public final class TokenAuthenticator implements Authenticator<String, Player> {
    private final Tokens tokens;
    private final Principals principals;

    public TokenAuthenticator(Tokens tokens, Principals principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    /**
     * Who an {@code Authorization} header speaks for, by the rules of {@link JwtAuthFilter}:
     * {@code Bearer <token>}, the scheme in any case. Empty for no, another or a bad credential,
     * for answers given before Jersey, which leave those to its filter and its 401s.
     */
    public Optional<Player> fromHeader(String header) {
        String token = JwtAuthFilter.bearerToken(header);
        return token == null || token.isEmpty() ? Optional.empty() : authenticate(token);
    }

    @Override
    public Optional<Player> authenticate(String token) {
        return tokens.verify(token)
                .flatMap(claims -> principals
                        .get(claims.accountId())
                        .filter(p -> !p.frozen() && p.tokenVersion() == claims.tokenVersion()));
    }
}
