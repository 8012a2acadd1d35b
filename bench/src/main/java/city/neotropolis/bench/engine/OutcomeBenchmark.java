package city.neotropolis.bench.engine;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.casino.math.ReelSet;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Spin outcomes per second on one thread, at the default payout: reel stops drawn and the win
 * evaluated, with the provably-fair HMAC draw a live spin uses, and with a plain PRNG draw (the
 * evaluation alone, near enough).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutcomeBenchmark {
    @Param({"glitch_grid", "starlight_smuggler"})
    public String game;

    private ReelSet set;
    private Machine machine;
    private String serverSeed;
    private long nonce;
    private SplittableRandom random;
    private int[] stops;

    @Setup
    public void setUp() {
        GameMath math = GameMath.builtIn(game);
        set = math.set(GameMath.DEFAULT_PAYOUT);
        machine = math.machine();
        serverSeed = ProvablyFair.newServerSeed();
        random = new SplittableRandom(1);
        stops = new int[machine.reels()];
    }

    /** HMAC-SHA256 draw (rejection sampling) and evaluation: what every live spin computes. */
    @Benchmark
    public long provablyFair() {
        int[] drawn = ProvablyFair.stops(serverSeed, "bench", nonce++, set);
        return machine.winUnits(drawn) + machine.scatters(drawn);
    }

    /** A cheap PRNG draw and the same evaluation. */
    @Benchmark
    public long evaluate() {
        for (int r = 0; r < stops.length; r++) {
            stops[r] = set.stopFor(r, random.nextLong(set.total(r)));
        }
        return machine.winUnits(stops) + machine.scatters(stops);
    }
}
