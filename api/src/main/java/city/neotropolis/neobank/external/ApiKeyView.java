package city.neotropolis.neobank.external;

import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A key as a GM sees it. {@code key_value} is present only in the answer that created the key. */
public record ApiKeyView(
        long id,
        @JsonInclude(JsonInclude.Include.NON_NULL) String keyValue,
        String description,
        String accountNumber,
        List<ApiKeyScope> scopes,
        Credits maxAmount,
        int rateLimitPerMinute,
        @JsonProperty("is_active") boolean isActive,
        String createdAt,
        String lastUsed,
        String keyPrefix,
        String createdBy) {

    public static ApiKeyView of(ApiKey k, Long lastUsed, String keyValue) {
        return new ApiKeyView(
                k.id(),
                keyValue,
                k.description(),
                k.accountNumber(),
                List.copyOf(k.scopes()),
                k.maxAmount(),
                k.rateLimitPerMinute(),
                k.isActive(),
                Timestamps.iso(k.createdAt()),
                lastUsed == null ? null : Timestamps.iso(lastUsed),
                k.keyPrefix(),
                k.createdBy());
    }
}
