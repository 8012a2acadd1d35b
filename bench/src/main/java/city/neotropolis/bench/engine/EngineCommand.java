package city.neotropolis.bench.engine;

import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The casino engine on one core, in-process, through JMH: outcomes per second and the PAR sheets' build time. */
@Command(
        name = "engine",
        mixinStandardHelpOptions = true,
        description =
                "Casino engine: spin outcomes/s per game (HMAC and PRNG draws) and the time to build every PAR sheet.")
public final class EngineCommand implements Callable<Integer> {
    @Option(names = "--forks", defaultValue = "1", description = "JVM forks per benchmark (default ${DEFAULT-VALUE}).")
    int forks;

    @Option(names = "--iterations", defaultValue = "3", description = "Measured iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--seconds", defaultValue = "3", description = "Seconds per iteration (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "2", description = "Warm-up iterations (default ${DEFAULT-VALUE}).")
    int warmups;

    @Override
    public Integer call() throws Exception {
        Options options = new OptionsBuilder()
                .include(OutcomeBenchmark.class.getName())
                .include(ParSheetBenchmark.class.getName())
                .forks(forks)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .build();
        new Runner(options).run();
        return 0;
    }
}
