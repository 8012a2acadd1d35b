package city.neotropolis.neobank.casino.math;

import java.util.Arrays;

/**
 * The stop weights of every reel for one payout setting: a verified set, as regulated games
 * switch between. A stop is chosen with probability weight / total weight of its reel.
 */
public final class ReelSet {
    private final int payoutPercentage;
    private final long[][] weights;
    private final long[][] cumulative;
    private final long[] totals;

    public ReelSet(int payoutPercentage, long[][] weights) {
        this.payoutPercentage = payoutPercentage;
        this.weights = new long[weights.length][];
        this.cumulative = new long[weights.length][];
        this.totals = new long[weights.length];
        for (int r = 0; r < weights.length; r++) {
            this.weights[r] = weights[r].clone();
            cumulative[r] = new long[weights[r].length];
            long sum = 0;
            for (int i = 0; i < weights[r].length; i++) {
                if (weights[r][i] < 1) {
                    throw new IllegalArgumentException("Every stop needs a weight of at least 1");
                }
                sum += weights[r][i];
                cumulative[r][i] = sum;
            }
            if (sum > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("A reel's total weight must fit in 32 bits");
            }
            totals[r] = sum;
        }
    }

    public int payoutPercentage() {
        return payoutPercentage;
    }

    public int reels() {
        return weights.length;
    }

    public long weight(int reel, int stop) {
        return weights[reel][stop];
    }

    public long total(int reel) {
        return totals[reel];
    }

    public long[] weights(int reel) {
        return weights[reel].clone();
    }

    /** The stop that a uniform draw {@code u} in [0, total) lands on. */
    public int stopFor(int reel, long u) {
        long[] c = cumulative[reel];
        int i = Arrays.binarySearch(c, u);
        // c[i] is the first cumulative weight above u
        return i >= 0 ? i + 1 : -i - 1;
    }
}
