package city.neotropolis.neobank.auth;

import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.core.setup.Environment;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/** Who is calling: bearer tokens on every {@code @Auth} route, and the GM role for {@code @RolesAllowed}. */
public final class AuthFeature {
    private final Tokens tokens;
    private final Principals principals;

    public AuthFeature(Tokens tokens, Principals principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    public void register(Environment env) {
        env.jersey()
                .register(new AuthDynamicFeature(new JwtAuthFilter.Builder()
                        .setAuthenticator(new TokenAuthenticator(tokens, principals))
                        .setAuthorizer((player, role, ctx) -> Player.GM.equals(role) && player.isAdmin())
                        .setPrefix("Bearer")
                        .buildAuthFilter()));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(Player.class));
    }
}
