package city.neotropolis.bench.soak;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Soak load: N simulated players against a running NeoBank for M minutes, with production rate
 * limits on. Run by bench/soak.sh (see bench/README-soak.md), which starts the service. Exit 0 only
 * with zero errors and a verified ledger and flat memory; 1 errors or ledger, 3 memory not flat.
 */
@Command(
        name = "soak",
        mixinStandardHelpOptions = true,
        description = "Simulated players against a running service; prints a status line every 10 s and a summary.")
public final class SoakCommand implements Callable<Integer> {
    @Option(names = "--base", defaultValue = "http://127.0.0.1:27080", description = "The API's base URL.")
    String base;

    @Option(names = "--admin", defaultValue = "http://127.0.0.1:27081", description = "The admin port's base URL.")
    String admin;

    @Option(names = "--pid", defaultValue = "-1", description = "The service's process id (RSS, jcmd).")
    long pid;

    @Option(names = "--gm-password", required = true, description = "The password of the GM 'admin'.")
    String gmPassword;

    @Option(names = "--players", defaultValue = "500", description = "Simulated players (default ${DEFAULT-VALUE}).")
    int players;

    @Option(names = "--minutes", defaultValue = "10", description = "Length of the soak (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(
            names = "--think",
            defaultValue = "6",
            description = "Mean think time in seconds (default ${DEFAULT-VALUE}).")
    double thinkSeconds;

    @Option(names = "--gc-log", description = "The service's -Xlog:gc file: heap after GC and the live heap.")
    Path gcLog;

    @Override
    public Integer call() throws Exception {
        if (players > 500) {
            System.out.println("warning: the server allows 500 registrations per IP per 10 minutes; expect 429s");
        }
        BankClient client = new BankClient(base, admin);
        MemoryWatch memory = new MemoryWatch(client, pid, gcLog);
        Outcomes outcomes = new Outcomes();
        Soak soak = new Soak(client, memory, outcomes, players, minutes, thinkSeconds);
        soak.setUp();
        soak.run();
        return new Summary(client, memory, outcomes, players, minutes).print(gmPassword, soak.elapsedMs());
    }
}
