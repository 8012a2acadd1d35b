package city.neotropolis.neobank.casino.math;

import java.util.List;
import java.util.Map;

/**
 * A slot machine as its data file describes it (resources/casino/*.json): symbols, reel strips
 * with stop weights, paylines and paytable. No game has a code branch of its own.
 *
 * <p>Line pays are indexed by the length of the left-to-right run (index 0 unused) and count in
 * units of the line bet; scatter pays are indexed by the number of scatters anywhere and count in
 * units of the total bet.
 */
public record GameDefinition(
        String name,
        String route,
        String title,
        List<Symbol> symbols,
        int rows,
        List<List<Integer>> paylines,
        Map<String, List<Long>> linePays,
        String wild,
        String scatter,
        List<Long> scatterPays,
        int freeSpinsAward,
        int freeSpinsMinScatters,
        boolean betPerLine,
        long betStepCredits,
        long defaultMinBetCredits,
        long defaultMaxBetCredits,
        int tuningReel,
        List<Reel> reels) {

    /** A symbol's short code (used in the data files) and what players see. */
    public record Symbol(String code, String glyph, String name) {}

    /** One reel: its strip of symbol codes, top to bottom, and each stop's base weight. */
    public record Reel(List<String> strip, List<Integer> weights) {}
}
