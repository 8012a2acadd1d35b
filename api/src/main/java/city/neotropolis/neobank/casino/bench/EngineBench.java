package city.neotropolis.neobank.casino.bench;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.casino.math.ReelSet;
import java.util.SplittableRandom;

/**
 * The casino engine on one core: the time to build and verify every PAR sheet, and outcomes per
 * second (reel stops drawn and the win evaluated) with the provably-fair HMAC draw and with a
 * plain PRNG draw. Each figure is given per wall-clock second and per second of this thread's CPU
 * time: on a shared machine the second is the one that says what one core does. Run: {@code java -cp api/target/neobank.jar city.neotropolis.neobank.casino.bench.EngineBench [seconds]}
 */
public final class EngineBench {
    private EngineBench() {}

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
        long t0 = System.nanoTime();
        long c0 = cpu();
        int sheets = 0;
        for (String game : GameMath.GAMES) {
            GameMath math = new GameMath(GameMath.definition(game));
            for (int pct = GameMath.MIN_PAYOUT; pct <= GameMath.MAX_PAYOUT; pct++) {
                math.sheet(pct);
                sheets++;
            }
        }
        System.out.printf("PAR sheets: %d (2 games x 71 settings), exact enumeration + weight search: "
                + "%.2f s wall, %.2f s CPU%n", sheets, (System.nanoTime() - t0) / 1e9, (cpu() - c0) / 1e9);
        for (String game : GameMath.GAMES) {
            GameMath math = GameMath.builtIn(game);
            ReelSet set = math.set(GameMath.DEFAULT_PAYOUT);
            Machine m = math.machine();
            String seed = ProvablyFair.newServerSeed();
            run(game + " provably fair (HMAC draw + evaluate)", seconds, n -> {
                int[] stops = ProvablyFair.stops(seed, "bench", n, set);
                return m.winUnits(stops) + m.scatters(stops);
            });
            SplittableRandom rng = new SplittableRandom(1);
            int[] stops = new int[m.reels()];
            run(game + " evaluate (PRNG draw + evaluate)", seconds, n -> {
                for (int r = 0; r < stops.length; r++) {
                    stops[r] = set.stopFor(r, rng.nextLong(set.total(r)));
                }
                return m.winUnits(stops) + m.scatters(stops);
            });
        }
    }

    private interface Outcome {
        long run(long n);
    }

    private static void run(String name, double seconds, Outcome outcome) {
        long sink = 0;
        for (long n = 0; n < 200_000; n++) {
            sink += outcome.run(n);
        }
        long n = 0;
        long start = System.nanoTime();
        long cpuStart = cpu();
        long deadline = start + (long) (seconds * 1e9);
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < 10_000; i++, n++) {
                sink += outcome.run(n);
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu() - cpuStart) / 1e9;
        System.out.printf("%-56s %,11.0f outcomes/s wall, %,11.0f per CPU-second (checksum %d)%n", name,
                n / elapsed, n / cpuSeconds, sink % 10);
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
