package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.ReelSet;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Provably fair reel stops")
class ProvablyFairTest {
    static final String SEED = "9f2c4a1be07d3f5a6c8e0b2d4f6a8c0e1f3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f";

    @Nested
    @DisplayName("follow the documented procedure")
    class Procedure {
        @Test
        @DisplayName("the commitment is the hex SHA-256 of the seed's hex text")
        void commitment() throws Exception {
            String expected = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(SEED.getBytes(StandardCharsets.US_ASCII)));
            assertThat(ProvablyFair.hash(SEED)).isEqualTo(expected).hasSize(64);
            assertThat(ProvablyFair.isServerSeed(ProvablyFair.newServerSeed())).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"glitch_grid", "starlight_smuggler"})
        @DisplayName("an independent re-implementation gets the same stops for 2,000 nonces")
        void independent(String game) throws Exception {
            ReelSet set = GameMath.builtIn(game).set(96);
            for (long nonce = 0; nonce < 2000; nonce++) {
                assertThat(ProvablyFair.stops(SEED, "player-seed", nonce, set))
                        .containsExactly(verify(SEED, "player-seed", nonce, set));
            }
        }

        /** The procedure as docs/casino.md writes it, coded from the text alone. */
        private int[] verify(String serverSeed, String clientSeed, long nonce, ReelSet set) throws Exception {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(serverSeed.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            int[] stops = new int[set.reels()];
            int round = 0;
            ByteBuffer block = ByteBuffer.allocate(0);
            for (int r = 0; r < stops.length; r++) {
                long total = set.total(r);
                long limit = 4294967296L - 4294967296L % total;
                while (true) {
                    if (!block.hasRemaining()) {
                        block = ByteBuffer.wrap(mac.doFinal(
                                (clientSeed + ":" + nonce + ":" + round++).getBytes(StandardCharsets.US_ASCII)));
                    }
                    long u = Integer.toUnsignedLong(block.getInt());
                    if (u < limit) {
                        long x = u % total;
                        long cumulative = 0;
                        for (int s = 0; ; s++) {
                            cumulative += set.weight(r, s);
                            if (x < cumulative) {
                                stops[r] = s;
                                break;
                            }
                        }
                        break;
                    }
                }
            }
            return stops;
        }
    }

    @Test
    @DisplayName("reproduce the worked example of docs/casino.md: 🏢 ㊙️ 🏢 paying 15 × the bet")
    void workedExample() {
        String seed = "3f8a1c2e9b7d4a6f0e5c8b2a1d9f7e3c6b4a2d8f1e9c7b5a3d6f2e8c4b1a9d7f";
        assertThat(ProvablyFair.hash(seed))
                .isEqualTo("a9774aeb7b2cc7a01b6e8b80ee20391e29d7b48ac8d207ed3341b750d49282f4");
        GameMath math = GameMath.builtIn("glitch_grid");
        ReelSet set = math.set(96);
        assertThat(set.total(0)).isEqualTo(8995);
        int[] stops = ProvablyFair.stops(seed, "neon-rain", 0, set);
        assertThat(stops).containsExactly(4, 2, 3);
        SpinOutcome o = SpinOutcome.of(math.machine(), stops, city.neotropolis.neobank.money.Credits.of(1));
        assertThat(o.grid().get(0)).containsExactly("🏢", "㊙️", "🏢");
        assertThat(o.winUnits()).isEqualTo(15);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"glitch_grid", "starlight_smuggler"})
    @DisplayName("stop frequencies pass a chi-square test at 99 % on every reel (200,000 spins)")
    void chiSquare(String game) {
        ReelSet set = GameMath.builtIn(game).set(96);
        int n = 200_000;
        long[][] counts = new long[set.reels()][];
        for (int r = 0; r < set.reels(); r++) {
            counts[r] = new long[set.weights(r).length];
        }
        for (long nonce = 0; nonce < n; nonce++) {
            int[] stops = ProvablyFair.stops(SEED, "chi-square", nonce, set);
            for (int r = 0; r < stops.length; r++) {
                counts[r][stops[r]]++;
            }
        }
        for (int r = 0; r < set.reels(); r++) {
            double chi = 0;
            for (int s = 0; s < counts[r].length; s++) {
                double expected = (double) n * set.weight(r, s) / set.total(r);
                assertThat(expected).isGreaterThan(5);
                chi += (counts[r][s] - expected) * (counts[r][s] - expected) / expected;
            }
            int df = counts[r].length - 1;
            assertThat(chi)
                    .as("reel %d chi-square with %d degrees of freedom", r + 1, df)
                    .isLessThan(chiSquare99(df));
        }
    }

    /** The 99th percentile of chi-square with k degrees of freedom (Wilson–Hilferty). */
    static double chiSquare99(int k) {
        double z = 2.3263478740;
        double a = 2.0 / (9 * k);
        return k * Math.pow(1 - a + z * Math.sqrt(a), 3);
    }

    @Test
    @DisplayName("the chi-square threshold matches the table (df 11: 24.725, df 23: 41.638)")
    void threshold() {
        assertThat(chiSquare99(11)).isCloseTo(24.725, org.assertj.core.data.Offset.offset(0.1));
        assertThat(chiSquare99(23)).isCloseTo(41.638, org.assertj.core.data.Offset.offset(0.1));
    }
}
