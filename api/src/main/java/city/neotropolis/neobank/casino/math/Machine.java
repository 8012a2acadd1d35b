package city.neotropolis.neobank.casino.math;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A game compiled for speed: symbols as small ints, each reel stop's visible window precomputed,
 * paytable as arrays. Evaluates a set of reel stops into a win; knows nothing about odds, which
 * belong to a {@link ReelSet}.
 */
public final class Machine {
    private final GameDefinition def;
    private final String[] glyphs;
    private final int[][][] windows; // [reel][stop][row] -> symbol
    private final int[][] paylines; // [line][reel] -> row
    private final long[][] linePay; // [symbol][run length]
    private final long[] scatterPay; // [scatter count], in units of the total bet
    private final int wild;
    private final int scatter;
    private final int reels;
    private final int rows;
    private final long maxWinUnits;
    private final long topLinePay;

    public Machine(GameDefinition def) {
        this.def = def;
        Map<String, Integer> index = new HashMap<>();
        glyphs = new String[def.symbols().size()];
        for (int i = 0; i < glyphs.length; i++) {
            index.put(def.symbols().get(i).code(), i);
            glyphs[i] = def.symbols().get(i).glyph();
        }
        reels = def.reels().size();
        rows = def.rows();
        windows = new int[reels][][];
        for (int r = 0; r < reels; r++) {
            List<String> strip = def.reels().get(r).strip();
            if (strip.size() != def.reels().get(r).weights().size()) {
                throw new IllegalArgumentException(def.name() + ": reel " + (r + 1) + " needs one weight per stop");
            }
            windows[r] = new int[strip.size()][rows];
            for (int stop = 0; stop < strip.size(); stop++) {
                for (int row = 0; row < rows; row++) {
                    windows[r][stop][row] = symbol(index, strip.get((stop + row) % strip.size()));
                }
            }
        }
        paylines = new int[def.paylines().size()][];
        for (int l = 0; l < paylines.length; l++) {
            paylines[l] =
                    def.paylines().get(l).stream().mapToInt(Integer::intValue).toArray();
            if (paylines[l].length != reels) {
                throw new IllegalArgumentException(def.name() + ": payline " + (l + 1) + " must cross every reel");
            }
        }
        linePay = new long[glyphs.length][reels + 1];
        def.linePays().forEach((code, pays) -> {
            for (int n = 0; n < pays.size() && n <= reels; n++) {
                linePay[symbol(index, code)][n] = pays.get(n);
            }
        });
        wild = def.wild() == null ? -1 : symbol(index, def.wild());
        scatter = def.scatter() == null ? -1 : symbol(index, def.scatter());
        scatterPay = new long[reels * rows + 1];
        if (def.scatterPays() != null) {
            for (int n = 0; n < def.scatterPays().size() && n < scatterPay.length; n++) {
                scatterPay[n] = def.scatterPays().get(n);
            }
        }
        long top = 0;
        for (long[] pays : linePay) {
            for (long p : pays) {
                top = Math.max(top, p);
            }
        }
        topLinePay = top;
        long maxScatter = 0;
        for (long p : scatterPay) {
            maxScatter = Math.max(maxScatter, p);
        }
        // Every line at the top award and the largest scatter pay at once: no outcome can pay more.
        maxWinUnits = top * paylines.length + maxScatter * paylines.length;
    }

    private int symbol(Map<String, Integer> index, String code) {
        Integer i = index.get(code);
        if (i == null) {
            throw new IllegalArgumentException(def.name() + ": unknown symbol " + code);
        }
        return i;
    }

    public GameDefinition definition() {
        return def;
    }

    public int reels() {
        return reels;
    }

    public int rows() {
        return rows;
    }

    public int stops(int reel) {
        return windows[reel].length;
    }

    public int lines() {
        return paylines.length;
    }

    public String glyph(int symbol) {
        return glyphs[symbol];
    }

    public int symbolAt(int reel, int stop, int row) {
        return windows[reel][stop][row];
    }

    /** The largest line pay in the paytable, in line-bet units: the top award. */
    public long topLinePay() {
        return topLinePay;
    }

    /** An upper bound of any single spin's win, in line-bet units (all lines and scatters at their best). */
    public long maxWinUnits() {
        return maxWinUnits;
    }

    public boolean hasFreeSpins() {
        return scatter >= 0 && def.freeSpinsAward() > 0;
    }

    /** What one payline pays for these stops, in line-bet units; the best reading when a wild substitutes. */
    public long linePay(int[] stops, int line) {
        int[] path = paylines[line];
        int first = windows[0][stops[0]][path[0]];
        if (first == scatter) {
            return 0;
        }
        if (wild < 0 || first != wild) {
            return linePay[first][run(stops, path, first, 1)];
        }
        // Leading wilds: pay as wilds alone or as the first other symbol they stand in for.
        int wilds = run(stops, path, wild, 1);
        long best = linePay[wild][wilds];
        if (wilds < reels) {
            int sym = windows[wilds][stops[wilds]][path[wilds]];
            if (sym != scatter) {
                best = Math.max(best, linePay[sym][run(stops, path, sym, wilds + 1)]);
            }
        }
        return best;
    }

    /** The symbol a winning line pays for (the first non-wild of its run, or the wild). */
    public int lineSymbol(int[] stops, int line) {
        int[] path = paylines[line];
        for (int r = 0; r < reels; r++) {
            int s = windows[r][stops[r]][path[r]];
            if (s != wild) {
                return s;
            }
        }
        return wild;
    }

    /** How many reels of the line's left-to-right run count toward its pay. */
    public int lineRun(int[] stops, int line) {
        return run(stops, paylines[line], lineSymbol(stops, line), 0);
    }

    /** Where the run of {@code sym} (or the wild) along a path, counted from reel {@code from}, ends. */
    private int run(int[] stops, int[] path, int sym, int from) {
        int end = from;
        while (end < reels) {
            int s = windows[end][stops[end]][path[end]];
            if (s != sym && s != wild) {
                break;
            }
            end++;
        }
        return end;
    }

    public int scatters(int[] stops) {
        if (scatter < 0) {
            return 0;
        }
        int n = 0;
        for (int r = 0; r < reels; r++) {
            int[] w = windows[r][stops[r]];
            for (int row = 0; row < rows; row++) {
                if (w[row] == scatter) {
                    n++;
                }
            }
        }
        return n;
    }

    public long scatterPayUnits(int scatters) {
        return scatterPay[scatters] * paylines.length;
    }

    public boolean triggersFreeSpins(int scatters) {
        return hasFreeSpins() && scatters >= def.freeSpinsMinScatters();
    }

    /** The whole win for these stops, in line-bet units: every line plus any scatter pay. */
    public long winUnits(int[] stops) {
        long units = 0;
        for (int l = 0; l < paylines.length; l++) {
            units += linePay(stops, l);
        }
        if (scatter >= 0) {
            units += scatterPayUnits(scatters(stops));
        }
        return units;
    }

    /** Whether any line of these stops pays the top award. */
    public boolean hasTopAward(int[] stops) {
        for (int l = 0; l < paylines.length; l++) {
            if (linePay(stops, l) == topLinePay) {
                return true;
            }
        }
        return false;
    }

    /** The visible symbols as glyphs, [row][reel]. */
    public List<List<String>> grid(int[] stops) {
        List<List<String>> grid = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            List<String> line = new ArrayList<>(reels);
            for (int r = 0; r < reels; r++) {
                line.add(glyphs[windows[r][stops[r]][row]]);
            }
            grid.add(line);
        }
        return grid;
    }
}
