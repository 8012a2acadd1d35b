package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.ParSheet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Exact PAR sheets")
class ParSheetTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"glitch_grid", "starlight_smuggler"})
    @DisplayName("every payout setting from 50 to 120 % computes to within 0.05 pp of itself")
    void everySetting(String game) {
        long t0 = System.nanoTime();
        GameMath math = GameMath.builtIn(game);
        System.out.printf("%s built in %d ms, max win %d line units%n", game, (System.nanoTime() - t0) / 1_000_000,
                math.maxWinUnits());
        for (int pct = 50; pct <= 120; pct++) {
            ParSheet s = math.sheet(pct);
            if (pct % 10 == 0 || pct == 96) {
                System.out.printf("%d: rtp %.5f base %.3f hit %.2f sd %.2f top 1/%.0f trig 1/%.1f w=%s%n", pct, s.rtp(),
                        s.rtpBaseGame(), s.hitFrequency(), s.stdDev(), s.topAwardOdds(), s.freeSpinTriggerOdds(),
                        s.reels().get(0).weights());
            }
            assertThat(s.rtp()).isCloseTo(pct, org.assertj.core.data.Offset.offset(0.05));
        }
    }
}
