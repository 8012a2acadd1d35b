package city.neotropolis.neobank.external;

import city.neotropolis.neobank.money.Credits;
import java.util.Set;

/**
 * A row of {@code api_keys}: a terminal's key, bound to its own account, with its scopes and
 * limits. Only the SHA-256 of the key is kept; the key itself is shown once, at creation.
 */
public record ApiKey(
        long id,
        String keyHash,
        String keyPrefix,
        String description,
        Long accountId,
        String accountNumber,
        Set<ApiKeyScope> scopes,
        Credits maxAmount,
        int rateLimitPerMinute,
        boolean isActive,
        String createdBy,
        long createdAt,
        Long lastUsed) {

    /** The key under which its idempotency records and rate limit are kept, and the journal's actor. */
    public String principalKey() {
        return "key:" + id;
    }

    public boolean has(ApiKeyScope scope) {
        return scopes.contains(scope);
    }

    public boolean owns(long id) {
        return accountId != null && accountId == id;
    }
}
