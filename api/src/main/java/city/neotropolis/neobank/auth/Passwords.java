package city.neotropolis.neobank.auth;

import city.neotropolis.neobank.web.ApiException;
import java.nio.charset.StandardCharsets;
import org.mindrot.jbcrypt.BCrypt;

/** bcrypt hashing. Kept off every path but login, registration and password changes: it is slow on purpose. */
public final class Passwords {
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; refusing longer ones beats silently ignoring their tail. */
    public static final int MAX_BYTES = 72;

    private final int cost;
    // A real hash to compare against when the name is unknown, so both answers take as long.
    private final String decoy;

    public Passwords(int cost) {
        if (cost < 10) {
            throw new IllegalArgumentException("bcrypt cost must be at least 10");
        }
        this.cost = cost;
        this.decoy = BCrypt.hashpw("decoy-password", BCrypt.gensalt(cost));
    }

    /** Checks the rules for a new password and hashes it. */
    public String hashNew(String password, String field) {
        if (password == null) {
            throw ApiException.badRequest(field + " is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.badRequest(field + " must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest(field + " must be at most " + MAX_BYTES + " bytes");
        }
        return BCrypt.hashpw(password, BCrypt.gensalt(cost));
    }

    /** True when {@code password} matches {@code hash}; a null hash still costs one bcrypt. */
    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            BCrypt.checkpw("x", decoy);
            return false;
        }
        if (hash == null) {
            BCrypt.checkpw(password, decoy);
            return false;
        }
        try {
            return BCrypt.checkpw(password, hash);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
