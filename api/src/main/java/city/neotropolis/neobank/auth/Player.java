package city.neotropolis.neobank.auth;

import java.security.Principal;

/** Whoever a valid player or GM token speaks for, as the service last knew them. */
public record Player(
        long id, String accountNumber, String characterName, boolean isAdmin, boolean frozen, int tokenVersion)
        implements Principal {

    public static final String GM = "GM";

    @Override
    public String getName() {
        return characterName;
    }

    /** The key under which this player's idempotency records and rate limits are kept. */
    public String principalKey() {
        return "acct:" + id;
    }
}
