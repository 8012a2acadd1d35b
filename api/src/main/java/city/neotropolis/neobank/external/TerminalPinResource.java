package city.neotropolis.neobank.external;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.auth.Auth;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A player sets the PIN that terminals must send to charge them (4–6 digits; "" removes it). */
@Path("v1/account/pin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class TerminalPinResource {
    public record PinRequest(String pin, String currentPassword) {}

    public record PinReply(String message, boolean pinSet) {}

    private final TerminalPins pins;
    private final AccountService accounts;
    private final Passwords passwords;
    private final RateLimiter limiter;
    // Each attempt costs a bcrypt of the password: a stolen session must not become a password oracle.
    private final RateLimiter.Rule perPlayer;

    public TerminalPinResource(
            TerminalPins pins,
            AccountService accounts,
            Passwords passwords,
            RateLimiter limiter,
            RateLimiter.Rule perPlayer) {
        this.pins = pins;
        this.accounts = accounts;
        this.passwords = passwords;
        this.limiter = limiter;
        this.perPlayer = perPlayer;
    }

    @PUT
    public PinReply set(@Auth Player player, PinRequest body) {
        Input.required(body, "request body");
        Input.required(body.pin(), "pin");
        Input.required(body.currentPassword(), "current_password");
        limiter.check(perPlayer, player.principalKey());
        Account a = accounts.byId(player.id()).orElseThrow(() -> ApiException.unauthorized("Account no longer exists"));
        if (!passwords.matches(body.currentPassword(), a.passwordHash())) {
            throw ApiException.badRequest("Current password is incorrect");
        }
        boolean set = pins.set(player.id(), body.pin());
        return new PinReply(set ? "Terminal PIN set" : "Terminal PIN removed", set);
    }
}
