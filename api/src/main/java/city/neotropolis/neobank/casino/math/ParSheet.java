package city.neotropolis.neobank.casino.math;

import java.util.List;

/**
 * The PAR sheet of one game at one payout setting, from exact enumeration. Returns and standard
 * deviation are per paid spin, in units of the total bet, with the free spins it leads to included.
 *
 * @param rtp return to player in percent
 * @param rtpBaseGame the part paid by the paid spin itself, in percent
 * @param rtpFreeSpins the part paid by the free spins it leads to, in percent
 * @param hitFrequency percent of paid spins that win something or trigger free spins
 * @param stdDev standard deviation of one paid spin's return, in units of the total bet
 * @param volatilityIndex 1.645 × stdDev (the 90 % confidence index of the industry)
 * @param topAwardOdds one paid spin in this many pays the top award on some line
 * @param freeSpinTriggerOdds one spin in this many triggers free spins (0 when the game has none)
 * @param expectedFreeSpinsPerTrigger mean free spins one trigger leads to, retriggers included
 * @param maxWinMultiplier the largest win of one spin, in units of the total bet
 * @param cycle the number of equally likely weighted outcomes (the product of reel weight totals)
 * @param enumeratedPositions reel positions visited to compute the sheet
 * @param reels each reel's strip (glyphs) and this setting's weights
 */
public record ParSheet(
        String game,
        int payoutPercentage,
        double rtp,
        double rtpBaseGame,
        double rtpFreeSpins,
        double hitFrequency,
        double stdDev,
        double volatilityIndex,
        String topAward,
        double topAwardMultiplier,
        double topAwardOdds,
        double freeSpinTriggerOdds,
        double expectedFreeSpinsPerTrigger,
        double maxWinMultiplier,
        String cycle,
        long enumeratedPositions,
        List<ReelView> reels) {

    /** One reel as shown on a PAR sheet. */
    public record ReelView(List<String> strip, List<Long> weights, long totalWeight) {}
}
