package city.neotropolis.gm;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code gm} console: one command and exit, or with no command an interactive shell over the same tree. */
@Command(
        name = "gm",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        version = "gm 1.0",
        description = "The game masters' console for NeoBank & Chrome Slots.",
        subcommands = {
            SessionCommands.Login.class,
            SessionCommands.Logout.class,
            SessionCommands.Whoami.class,
            SessionCommands.Health.class,
            UsersCommand.class,
            TxCommand.class,
            KeysCommand.class,
            ChipsCommand.class,
            CasinoCommand.class,
            FactionsCommand.class,
            AuditCommand.class,
            EconomyCommand.class,
            LedgerCommand.class,
            StipendsCommand.class,
            LeaderboardsCommand.class,
            BackupCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 refused by the server, 2 usage, 3 cannot reach the service",
            "or it failed, 4 not logged in."
        })
public final class GmConsole implements Callable<Integer> {
    public static final String DEFAULT_URL = "http://localhost:8080";
    static final String HOME_PROPERTY = "neobank.gm.home";

    @Spec
    CommandSpec spec;

    @Option(
            names = "--url",
            scope = ScopeType.INHERIT,
            paramLabel = "URL",
            description = "The service's base URL (env NEOBANK_URL; else the URL of the last login; else " + DEFAULT_URL
                    + ").")
    String url;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print the server's JSON instead of tables.")
    boolean json;

    @Option(
            names = "--home",
            scope = ScopeType.INHERIT,
            hidden = true,
            paramLabel = "DIR",
            description = "Where the session and history live (env NEOBANK_GM_HOME).")
    Path home;

    private final HttpClient http = Api.newHttpClient();
    private Io io;
    /** Options given when the shell was opened: they hold for every command typed in it. */
    private String shellUrl;

    private Path shellHome;
    private boolean shellJson;

    public GmConsole(Io io) {
        this.io = io;
    }

    public static void main(String[] args) {
        GmConsole gm = new GmConsole(Io.system());
        CommandLine cl = commandLine(gm);
        if (opensShell(cl, args)) {
            System.exit(Shell.runOnSystemTerminal(gm, cl));
        }
        System.exit(cl.execute(args));
    }

    /** The command tree with the console's error handling: messages on stderr, exit codes as documented. */
    public static CommandLine commandLine(GmConsole gm) {
        CommandLine cl = new CommandLine(gm);
        // Only the top level opens a shell when given no command; subcommands inherit the rest.
        List<String> footer =
                new ArrayList<>(List.of(cl.getCommandSpec().usageMessage().footer()));
        footer.add(1, "With no command, gm opens an interactive shell.");
        cl.getCommandSpec().usageMessage().footer(footer.toArray(String[]::new));
        ConsoleWords.register(cl);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            int code;
            String message;
            if (ex instanceof GmException g) {
                code = g.exitCode();
                message = g.getMessage();
            } else if (ex instanceof java.io.UncheckedIOException u) {
                code = GmException.REFUSED;
                message = u.getMessage()
                        + (u.getCause() != null ? ": " + u.getCause().getMessage() : "");
            } else {
                code = GmException.REFUSED;
                message = ex.toString();
            }
            err.println(gm.colour() ? "\u001B[31mgm: " + message + "\u001B[0m" : "gm: " + message);
            err.flush();
            return code;
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            PrintWriter err = cmd.getErr();
            err.println("gm: " + ConsoleWords.problem(ex));
            ConsoleWords.suggestion(ex).ifPresent(err::println);
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return GmException.USAGE;
        });
        return cl;
    }

    /** True when the arguments name no command (only global options): then gm opens its shell. */
    static boolean opensShell(CommandLine cl, String[] args) {
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            return !parsed.hasSubcommand() && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested();
        } catch (CommandLine.ParameterException e) {
            return false; // execute() reports it
        }
    }

    /** Typed inside the shell with no command: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return GmException.USAGE;
    }

    public Io io() {
        return io;
    }

    /** Enters the shell: the options parsed so far become its defaults, input and secrets come from the shell. */
    void enterShell(Io shellIo) {
        shellUrl = url;
        shellHome = home;
        shellJson = json;
        io = shellIo;
    }

    public boolean json() {
        return json || shellJson;
    }

    /** Colours only for a person at a real terminal, never in JSON. */
    public boolean colour() {
        return io.terminal() && !json;
    }

    public Path home() {
        if (home != null || shellHome != null) {
            return home != null ? home : shellHome;
        }
        String prop = System.getProperty(HOME_PROPERTY);
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String env = io.env("NEOBANK_GM_HOME");
        if (env != null) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".config", "neobank-gm");
    }

    /** The service to talk to: --url, NEOBANK_URL, the URL of the current session, or the default. */
    public String url() {
        String chosen = url != null ? url : shellUrl != null ? shellUrl : io.env("NEOBANK_URL");
        if (chosen == null) {
            chosen = session().map(Session::url).orElse(DEFAULT_URL);
        }
        return normalise(chosen);
    }

    public Optional<Session> session() {
        return Session.load(home());
    }

    /** A client without credentials (login, health). */
    public Api anonymous() {
        return new Api(http, url(), null);
    }

    /** A client carrying the GM's token; only for the service that issued it. */
    public Api api() {
        String target = url();
        Session s = session()
                .orElseThrow(
                        () -> new GmException(GmException.NOT_LOGGED_IN, "not logged in: run `gm login NAME` first"));
        if (!normalise(s.url()).equals(target)) {
            throw new GmException(
                    GmException.NOT_LOGGED_IN,
                    "not logged in to " + target + " (the session is for " + s.url() + "): run `gm --url " + target
                            + " login NAME`");
        }
        return new Api(http, target, s.token());
    }

    static String normalise(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
