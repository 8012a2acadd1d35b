package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.casino.math.ParSheet;
import city.neotropolis.neobank.casino.math.ReelSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Exact PAR sheets")
class ParSheetTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"glitch_grid", "starlight_smuggler"})
    @DisplayName("every payout setting from 50 to 120 % computes to within 0.05 pp of itself")
    void everySetting(String game) {
        GameMath math = GameMath.builtIn(game);
        for (int pct = GameMath.MIN_PAYOUT; pct <= GameMath.MAX_PAYOUT; pct++) {
            ParSheet s = math.sheet(pct);
            assertThat(s.rtp()).as("%s at %d %%", game, pct).isCloseTo(pct, offset(0.05));
            assertThat(s.rtpBaseGame() + s.rtpFreeSpins()).isCloseTo(s.rtp(), offset(1e-9));
            assertThat(s.hitFrequency()).isBetween(1.0, 99.0);
            assertThat(s.stdDev()).isPositive();
            assertThat(s.volatilityIndex()).isCloseTo(1.645 * s.stdDev(), offset(1e-9));
            assertThat(s.topAwardOdds()).isGreaterThan(100);
            assertThat(s.payoutPercentage()).isEqualTo(pct);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"glitch_grid", "starlight_smuggler"})
    @DisplayName("the weights found at start are the same every time (deterministic search)")
    void deterministic(String game) {
        GameMath again = new GameMath(GameMath.definition(game));
        for (int pct : new int[] {50, 96, 120}) {
            assertThat(again.set(pct).weights(0))
                    .containsExactly(GameMath.builtIn(game).set(pct).weights(0));
        }
    }

    @Nested
    @DisplayName("agree with brute force over every reel position, with no shortcut")
    class BruteForce {
        @Test
        @DisplayName("Glitch Grid at every setting")
        void glitch() {
            GameMath math = GameMath.builtIn("glitch_grid");
            for (int pct = GameMath.MIN_PAYOUT; pct <= GameMath.MAX_PAYOUT; pct++) {
                double[] m = bruteForce(math.machine(), math.set(pct));
                assertThat(100 * m[0]).isCloseTo(math.sheet(pct).rtp(), offset(1e-9));
                assertThat(Math.sqrt(m[1] - m[0] * m[0]))
                        .isCloseTo(math.sheet(pct).stdDev(), offset(1e-9));
                assertThat(100 * m[2]).isCloseTo(math.sheet(pct).hitFrequency(), offset(1e-9));
            }
        }

        @Test
        @DisplayName(
                "Starlight Smuggler's base game and trigger odds at 96 %, free spins by the closed form (to 1e-7 pp: 8 million double sums)")
        void starlight() {
            GameMath math = GameMath.builtIn("starlight_smuggler");
            double[] m = bruteForce(math.machine(), math.set(96));
            ParSheet sheet = math.sheet(96);
            assertThat(100 * m[0]).isCloseTo(sheet.rtpBaseGame(), offset(1e-7));
            assertThat(1 / m[3]).isCloseTo(sheet.freeSpinTriggerOdds(), offset(1e-6));
            assertThat(100 * m[0] / (1 - 5 * m[3])).isCloseTo(sheet.rtp(), offset(1e-7));
        }

        /** E[W], E[W²], P(hit), P(trigger) of one spin, W in total bets, by visiting every position. */
        private double[] bruteForce(Machine m, ReelSet set) {
            int reels = m.reels();
            int[] pos = new int[reels];
            double total = 1;
            for (int r = 0; r < reels; r++) {
                total *= set.total(r);
            }
            double ew = 0;
            double ew2 = 0;
            double hit = 0;
            double trig = 0;
            while (true) {
                double p = 1;
                for (int r = 0; r < reels; r++) {
                    p *= set.weight(r, pos[r]);
                }
                p /= total;
                double w = (double) m.winUnits(pos) / m.lines();
                boolean t = m.triggersFreeSpins(m.scatters(pos));
                ew += p * w;
                ew2 += p * w * w;
                hit += w > 0 || t ? p : 0;
                trig += t ? p : 0;
                int r = reels - 1;
                while (r >= 0 && ++pos[r] == m.stops(r)) {
                    pos[r--] = 0;
                }
                if (r < 0) {
                    return new double[] {ew, ew2, hit, trig};
                }
            }
        }
    }

    @Test
    @DisplayName("the largest possible win is what the paytable allows at most and what the house must hold")
    void maxWin() {
        assertThat(GameMath.builtIn("glitch_grid").maxWinUnits()).isEqualTo(100);
        GameMath star = GameMath.builtIn("starlight_smuggler");
        assertThat(star.maxWinUnits()).isLessThanOrEqualTo(star.machine().maxWinUnits());
        assertThat(star.maxWinUnits()).isEqualTo(1150);
    }
}
