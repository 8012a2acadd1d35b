package city.neotropolis.neobank.casino.math;

/**
 * What each stop of the tuning reel leads to, averaged exactly over every position of all the
 * other reels: the moments a PAR sheet needs. Every per-setting figure is a weighted mean of
 * these, so one enumeration serves all settings. Wins are in units of the total bet, except
 * {@code maxWinUnits}: the largest win any position pays, in line-bet units.
 */
public record StopProfile(
        double[] meanWin,
        double[] meanWinSquared,
        double[] meanWinWhenTriggered,
        double[] triggerChance,
        double[] hitChance,
        double[] topAwardChance,
        long combinationsPerStop,
        long enumeratedOutcomes,
        long maxWinUnits) {

    public int stops() {
        return meanWin.length;
    }
}
