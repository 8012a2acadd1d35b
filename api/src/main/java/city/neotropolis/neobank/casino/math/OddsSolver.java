package city.neotropolis.neobank.casino.math;

/**
 * Finds, for one payout setting, integer weights of the tuning reel whose exact RTP is the
 * setting to well within the ±0.05 pp tolerance. Deterministic: the same data gives the same
 * weights on every start and every replica.
 *
 * <p>Method: start from the data file's weights scaled up for resolution, then add weight k to
 * the single stop that pulls the RTP hardest toward the target. The RTP along that path is a ratio
 * of two linear functions of k, hence monotone, so a binary search over k finds the crossing.
 */
public final class OddsSolver {
    /** How close the solver tries to get; the guarantee checked at start and in tests is 0.05 pp. */
    public static final double AIM = 0.005;

    public static final double TOLERANCE = 0.05;

    private OddsSolver() {}

    public static long[] solve(StopProfile p, long[] base, int freeSpins, int targetPercent) {
        double target = targetPercent / 100.0;
        for (long scale = 64; scale <= 1 << 16; scale *= 4) {
            long[] w = new long[base.length];
            for (int i = 0; i < base.length; i++) {
                w[i] = base[i] * scale;
            }
            double start = rtp(p, w, freeSpins);
            if (Math.abs(start - target) * 100 <= AIM) {
                return w;
            }
            int pull = strongestStop(p, freeSpins, start < target);
            if (pull < 0) {
                break;
            }
            long lo = 0;
            long hi = 0xFFFF_FFFFL - sum(w);
            if (!crosses(p, w, pull, hi, freeSpins, target, start < target)) {
                break;
            }
            while (hi - lo > 1) {
                long mid = (lo + hi) >>> 1;
                if (crosses(p, w, pull, mid, freeSpins, target, start < target)) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            long best = Math.abs(rtpWith(p, w, pull, lo, freeSpins) - target)
                            <= Math.abs(rtpWith(p, w, pull, hi, freeSpins) - target)
                    ? lo
                    : hi;
            w[pull] += best;
            if (Math.abs(rtp(p, w, freeSpins) - target) * 100 <= AIM) {
                return w;
            }
        }
        throw new IllegalStateException("No reel weights reach " + targetPercent + " % for this game's data");
    }

    private static boolean crosses(
            StopProfile p, long[] w, int stop, long k, int freeSpins, double target, boolean raising) {
        double r = rtpWith(p, w, stop, k, freeSpins);
        return raising ? r >= target : r <= target;
    }

    private static double rtpWith(StopProfile p, long[] w, int stop, long k, int freeSpins) {
        long[] v = w.clone();
        v[stop] += k;
        return rtp(p, v, freeSpins);
    }

    static double rtp(StopProfile p, long[] w, int freeSpins) {
        return ParCalculator.moments(p, w, freeSpins).totalReturn();
    }

    /** The stop whose return (with its own free spins) is highest (raising) or lowest (lowering). */
    private static int strongestStop(StopProfile p, int freeSpins, boolean raising) {
        int best = -1;
        double bestValue = 0;
        for (int j = 0; j < p.stops(); j++) {
            double keep = 1 - freeSpins * p.triggerChance()[j];
            if (keep < 0.5) {
                continue;
            }
            double v = p.meanWin()[j] / keep;
            if (best < 0 || (raising ? v > bestValue : v < bestValue)) {
                best = j;
                bestValue = v;
            }
        }
        return best;
    }

    private static long sum(long[] w) {
        long s = 0;
        for (long x : w) {
            s += x;
        }
        return s;
    }
}
