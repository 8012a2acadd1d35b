package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.casino.math.ParSheet;
import city.neotropolis.neobank.casino.math.ReelSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A seeded simulation of a million paid spins")
class SimulationTest {
    static final int SPINS = 1_000_000;

    @ParameterizedTest(name = "{0} at {1} %")
    @CsvSource({"glitch_grid, 96", "glitch_grid, 60", "starlight_smuggler, 96", "starlight_smuggler, 120"})
    @DisplayName("agrees with the exact RTP within 4 standard errors (free spins played out)")
    void agreesWithExactRtp(String game, int payout) {
        GameMath math = GameMath.builtIn(game);
        Machine m = math.machine();
        ReelSet set = math.set(payout);
        int award = m.hasFreeSpins() ? m.definition().freeSpinsAward() : 0;
        SplittableRandom rng = new SplittableRandom(20261126L + payout);
        int[] stops = new int[m.reels()];
        double sum = 0;
        double sumSq = 0;
        long freeSpinsPlayed = 0;
        for (int i = 0; i < SPINS; i++) {
            long units = 0;
            long pending = 1;
            boolean paid = true;
            while (pending > 0) {
                pending--;
                if (!paid) {
                    freeSpinsPlayed++;
                }
                paid = false;
                for (int r = 0; r < stops.length; r++) {
                    stops[r] = set.stopFor(r, rng.nextLong(set.total(r)));
                }
                units += m.winUnits(stops);
                if (m.triggersFreeSpins(m.scatters(stops))) {
                    pending += award;
                }
            }
            double ret = (double) units / m.lines();
            sum += ret;
            sumSq += ret * ret;
        }
        double mean = sum / SPINS;
        double sd = Math.sqrt(sumSq / SPINS - mean * mean);
        double se = sd / Math.sqrt(SPINS);
        ParSheet sheet = math.sheet(payout);
        System.out.printf(
                "%s @%d: simulated %.3f %% ± %.3f (SE), exact %.4f %%, sd %.3f vs %.3f, %d free spins%n",
                game, payout, 100 * mean, 100 * se, sheet.rtp(), sd, sheet.stdDev(), freeSpinsPlayed);
        assertThat(Math.abs(100 * mean - sheet.rtp())).isLessThanOrEqualTo(4 * 100 * se);
        assertThat(sd).isCloseTo(sheet.stdDev(), org.assertj.core.data.Percentage.withPercentage(10));
        if (award > 0) {
            assertThat(freeSpinsPlayed).isPositive();
        }
    }
}
