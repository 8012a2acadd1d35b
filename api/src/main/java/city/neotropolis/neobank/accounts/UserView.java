package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code user} object of the API, with the original NeoBank's field names. */
public record UserView(
        String characterName,
        String accountNumber,
        String faction,
        String createdAt,
        @JsonProperty("is_admin") boolean isAdmin,
        String profilePicture,
        int freeSpins,
        Credits balance,
        @JsonProperty("is_frozen") boolean isFrozen) {

    public static UserView of(Account a) {
        return new UserView(
                a.characterName(),
                a.accountNumber(),
                a.faction(),
                Timestamps.iso(a.createdAt()),
                a.isAdmin(),
                a.profilePicture(),
                a.freeSpins(),
                a.balance(),
                a.frozen());
    }
}
