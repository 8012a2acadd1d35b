package city.neotropolis.neobank;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.admin.AuditLog;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Principals;
import city.neotropolis.neobank.auth.Tokens;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.web.RateLimiter;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The shared parts every feature is built from, made once at start and handed to each feature's
 * {@code register} method. Constructor injection by hand: no DI framework.
 */
public record Core(NeoBankConfiguration config, Path dataDir, Clock clock, ObjectMapper mapper, Database db,
                   Ledger ledger, Idempotency idempotency, LedgerVerifier verifier, AuditLog audit, Tokens tokens,
                   Passwords passwords, Principals principals, AccountDirectory directory, AccountService accounts,
                   RateLimiter limiter) {}
