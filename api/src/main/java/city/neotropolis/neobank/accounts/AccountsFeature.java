package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Tokens;
import city.neotropolis.neobank.ledger.Journal;
import city.neotropolis.neobank.web.RateLimiter;
import io.dropwizard.core.setup.Environment;

/** Characters: registration and login, a player's own account and history, looking up whom to pay. */
public final class AccountsFeature {
    private final AccountService accounts;
    private final Journal journal;
    private final Passwords passwords;
    private final Tokens tokens;
    private final RateLimiter limiter;
    private final AuthResource.Limits limits;
    private final Registration registration;

    public AccountsFeature(
            AccountService accounts,
            Journal journal,
            Passwords passwords,
            Tokens tokens,
            RateLimiter limiter,
            AuthResource.Limits limits,
            Registration registration) {
        this.accounts = accounts;
        this.journal = journal;
        this.passwords = passwords;
        this.tokens = tokens;
        this.limiter = limiter;
        this.limits = limits;
        this.registration = registration;
    }

    public void register(Environment env) {
        env.jersey().register(new AuthResource(accounts, passwords, tokens, limiter, limits, registration));
        env.jersey().register(new AccountResource(accounts, journal, tokens));
    }
}
