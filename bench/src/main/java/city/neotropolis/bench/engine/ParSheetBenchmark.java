package city.neotropolis.bench.engine;

import city.neotropolis.neobank.casino.math.GameMath;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Every PAR sheet of both games (2 games x 71 payout settings): the exact enumeration and weight
 * search the service runs at start, measured as single shots (it is a one-off job, not a loop).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ParSheetBenchmark {
    @Benchmark
    public void allSheets(Blackhole sink) {
        for (String game : GameMath.GAMES) {
            GameMath math = new GameMath(GameMath.definition(game));
            for (int pct = GameMath.MIN_PAYOUT; pct <= GameMath.MAX_PAYOUT; pct++) {
                sink.consume(math.sheet(pct));
            }
        }
    }
}
