package city.neotropolis.neobank.casino.math;

/**
 * Exact game math by enumeration. Every position of every reel except the tuning reel is visited
 * once per tuning-reel stop, weighted by its stop weights, so the figures are exact sums, not
 * estimates. Free spins are folded in as an expected value: a spin chain S = W + I·(S₁+…+S_F)
 * with F free spins per trigger (which may retrigger) gives E[S] = E[W]/(1−F·p) and a closed
 * form for E[S²].
 */
public final class ParCalculator {
    private ParCalculator() {}

    /** Enumerates the machine once with the base weights of the non-tuning reels. */
    public static StopProfile profile(Machine m, long[][] baseWeights) {
        int tuning = m.definition().tuningReel();
        int reels = m.reels();
        int stops = m.stops(tuning);
        double lines = m.lines();
        double[] mw = new double[stops];
        double[] mw2 = new double[stops];
        double[] mwi = new double[stops];
        double[] pt = new double[stops];
        double[] ph = new double[stops];
        double[] ptop = new double[stops];
        int[] others = new int[reels - 1];
        for (int r = 0, k = 0; r < reels; r++) {
            if (r != tuning) {
                others[k++] = r;
            }
        }
        double totalWeight = 1;
        long combos = 1;
        for (int r : others) {
            long t = 0;
            for (long w : baseWeights[r]) {
                t += w;
            }
            totalWeight *= t;
            combos *= m.stops(r);
        }
        int[] pos = new int[reels];
        long outcomes = 0;
        int lineCount = m.lines();
        long top = m.topLinePay();
        long max = 0;
        for (int j = 0; j < stops; j++) {
            pos[tuning] = j;
            for (int r : others) {
                pos[r] = 0;
            }
            double sw = 0;
            double sw2 = 0;
            double swi = 0;
            double st = 0;
            double sh = 0;
            double stop = 0;
            while (true) {
                double weight = 1;
                for (int r : others) {
                    weight *= baseWeights[r][pos[r]];
                }
                long units = 0;
                for (int l = 0; l < lineCount; l++) {
                    units += m.linePay(pos, l);
                }
                int scatters = m.scatters(pos);
                units += m.scatterPayUnits(scatters);
                boolean trig = m.triggersFreeSpins(scatters);
                double win = units / lines;
                max = Math.max(max, units);
                sw += weight * win;
                sw2 += weight * win * win;
                if (trig) {
                    swi += weight * win;
                    st += weight;
                }
                if (units > 0 || trig) {
                    sh += weight;
                }
                if (units >= top && m.hasTopAward(pos)) {
                    stop += weight;
                }
                outcomes++;
                int k = others.length - 1;
                while (k >= 0) {
                    int r = others[k];
                    if (++pos[r] < m.stops(r)) {
                        break;
                    }
                    pos[r] = 0;
                    k--;
                }
                if (k < 0) {
                    break;
                }
            }
            mw[j] = sw / totalWeight;
            mw2[j] = sw2 / totalWeight;
            mwi[j] = swi / totalWeight;
            pt[j] = st / totalWeight;
            ph[j] = sh / totalWeight;
            ptop[j] = stop / totalWeight;
        }
        return new StopProfile(mw, mw2, mwi, pt, ph, ptop, combos, outcomes, max);
    }

    /** The moments of one paid spin (free spins included) for these tuning-reel weights. */
    public record Moments(
            double baseReturn,
            double triggerChance,
            double totalReturn,
            double secondMoment,
            double hitChance,
            double topAwardChance) {
        public double variance() {
            return secondMoment - totalReturn * totalReturn;
        }
    }

    public static Moments moments(StopProfile p, long[] tuningWeights, int freeSpins) {
        double total = 0;
        for (long w : tuningWeights) {
            total += w;
        }
        double ew = 0;
        double ew2 = 0;
        double ewi = 0;
        double pt = 0;
        double ph = 0;
        double ptop = 0;
        for (int j = 0; j < tuningWeights.length; j++) {
            double q = tuningWeights[j] / total;
            ew += q * p.meanWin()[j];
            ew2 += q * p.meanWinSquared()[j];
            ewi += q * p.meanWinWhenTriggered()[j];
            pt += q * p.triggerChance()[j];
            ph += q * p.hitChance()[j];
            ptop += q * p.topAwardChance()[j];
        }
        double f = freeSpins;
        double keep = 1 - f * pt;
        if (keep <= 0) {
            return new Moments(ew, pt, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, ph, ptop);
        }
        double es = ew / keep;
        double es2 = (ew2 + 2 * f * ewi * es + pt * f * (f - 1) * es * es) / keep;
        return new Moments(ew, pt, es, es2, ph, ptop);
    }
}
