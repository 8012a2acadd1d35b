package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.money.Credits;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A game's switches as a GM sets them: open or closed, payout setting, bet limits. */
public record GameConfig(
        String gameName,
        @JsonProperty("is_enabled") boolean isEnabled,
        int payoutPercentage,
        Credits minBet,
        Credits maxBet,
        String updatedAt) {}
