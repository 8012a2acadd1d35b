package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Tokens;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import city.neotropolis.neobank.web.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** Registration and login. */
@Path("v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class AuthResource {

    public record RegisterRequest(String characterName, String password, String faction, String eventCode) {}

    /** How players may register, for the web app's sign-up screen. */
    public record RegistrationReply(String mode, boolean codeRequired) {}

    public record RegisterReply(String message, UserView user) {}

    public record LoginRequest(String characterName, String password) {}

    public record LoginReply(String accessToken, String tokenType, long expiresIn, UserView user) {}

    /** The rate limits this resource applies. */
    public record Limits(RateLimiter.Rule loginPerName, RateLimiter.Rule loginPerIp, RateLimiter.Rule registerPerIp) {}

    private final AccountService accounts;
    private final Passwords passwords;
    private final Tokens tokens;
    private final RateLimiter limiter;
    private final Limits limits;
    private final Registration registration;

    public AuthResource(
            AccountService accounts,
            Passwords passwords,
            Tokens tokens,
            RateLimiter limiter,
            Limits limits,
            Registration registration) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.limiter = limiter;
        this.limits = limits;
        this.registration = registration;
    }

    @GET
    @Path("registration")
    public RegistrationReply registration() {
        return new RegistrationReply(registration.mode().json(), registration.mode() == Registration.Mode.CODE);
    }

    @POST
    @Path("register")
    public Response register(RegisterRequest body, @Context HttpServletRequest http) {
        Input.required(body, "request body");
        limiter.check(limits.registerPerIp(), http.getRemoteAddr());
        registration.admit(body.eventCode());
        Account a = accounts.register(
                body.characterName(), body.password(), body.faction(), registration.startingBalanceForSelfRegistered());
        return Response.status(201)
                .entity(new RegisterReply("Character registered", UserView.of(a)))
                .build();
    }

    @POST
    @Path("login")
    public LoginReply login(LoginRequest body, @Context HttpServletRequest http) {
        Input.required(body, "request body");
        String name = Input.required(body.characterName(), "character_name").trim();
        Input.required(body.password(), "password");
        limiter.check(limits.loginPerIp(), http.getRemoteAddr());
        String key = CharacterNames.key(name);
        limiter.check(limits.loginPerName(), key);
        Optional<Account> found = name.length() > 64 ? Optional.empty() : accounts.byNameKey(key);
        Account a = found.filter(x -> !x.isSystem()).orElse(null);
        // Unknown name and wrong password get the same answer after the same bcrypt work.
        if (!passwords.matches(body.password(), a == null ? null : a.passwordHash())) {
            throw ApiException.unauthorized("Invalid character name or password");
        }
        if (a.frozen()) {
            throw ApiException.forbidden("This account is frozen; talk to a GM");
        }
        return new LoginReply(
                tokens.issue(a.player()), "bearer", tokens.lifetime().toSeconds(), UserView.of(a));
    }
}
