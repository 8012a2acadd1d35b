package city.neotropolis.bench;

import city.neotropolis.bench.engine.EngineCommand;
import city.neotropolis.bench.phones.IdlePhonesCommand;
import city.neotropolis.bench.series.SeriesCommand;
import city.neotropolis.bench.soak.SoakCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar bench/target/neobank-bench.jar <soak|engine|idle-phones> [options]}: the benchmarks that are programs. */
@Command(
        name = "neobank-bench",
        mixinStandardHelpOptions = true,
        subcommands = {SoakCommand.class, EngineCommand.class, IdlePhonesCommand.class, SeriesCommand.class},
        description =
                "NeoBank benchmarks: soak (the service over HTTP), engine (the casino engine in-process),"
                        + " idle-phones (what open phones cost the service), series (the GM dashboard's time series over a big journal).")
public final class Bench {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Bench()).execute(args));
    }
}
