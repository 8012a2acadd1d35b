package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.money.Credits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What a set of reel stops shows and pays at a bet; the same for a live spin and a re-check. */
public record SpinOutcome(
        int[] stops,
        List<List<String>> grid,
        long winUnits,
        Credits win,
        List<WinningLine> winningLines,
        int scatterCount,
        boolean triggersFreeSpins) {

    /** A payline that paid: its number (1-based), the symbol, how many in a row, and what it paid. */
    public record WinningLine(int line, String symbol, int count, Credits win) {}

    public static SpinOutcome of(Machine m, int[] stops, Credits lineBet) {
        List<WinningLine> lines = new ArrayList<>();
        long units = 0;
        for (int l = 0; l < m.lines(); l++) {
            long pay = m.linePay(stops, l);
            if (pay > 0) {
                units += pay;
                lines.add(new WinningLine(
                        l + 1, m.glyph(m.lineSymbol(stops, l)), m.lineRun(stops, l), lineBet.times(pay)));
            }
        }
        int scatters = m.scatters(stops);
        units += m.scatterPayUnits(scatters);
        return new SpinOutcome(
                stops.clone(),
                m.grid(stops),
                units,
                lineBet.times(units),
                lines,
                scatters,
                m.triggersFreeSpins(scatters));
    }

    /** The win as a multiple of the total bet, to 4 decimals. */
    public static BigDecimal multiplier(Credits win, Credits totalBet) {
        BigDecimal m = BigDecimal.valueOf(win.hundredths())
                .divide(BigDecimal.valueOf(totalBet.hundredths()), 4, RoundingMode.HALF_EVEN)
                .stripTrailingZeros();
        return m.scale() < 0 ? m.setScale(0) : m;
    }

    public static String stopsText(int[] stops) {
        return String.join(",", Arrays.stream(stops).mapToObj(Integer::toString).toList());
    }

    public static int[] parseStops(String text) {
        return Arrays.stream(text.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
