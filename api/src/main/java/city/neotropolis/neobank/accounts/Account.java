package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.money.Credits;

/** A row of {@code accounts}: a character, NPC, vendor, GM or system account. */
public record Account(
        long id,
        String accountNumber,
        String characterName,
        String passwordHash,
        String faction,
        String profilePicture,
        boolean isAdmin,
        boolean isSystem,
        boolean frozen,
        int tokenVersion,
        int freeSpins,
        Credits balance,
        long createdAt) {

    /** Whom a token for this account speaks for, as of this row. */
    public Player player() {
        return new Player(id, accountNumber, characterName, isAdmin, frozen, tokenVersion);
    }
}
