package city.neotropolis.gm;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import picocli.CommandLine;
import picocli.shell.jline3.PicocliJLineCompleter;

/** The interactive shell: a JLine line reader with completion and history over the same command tree. */
final class Shell {
    private final GmConsole gm;
    private final CommandLine commands;
    private final Terminal terminal;
    private final boolean colour;

    Shell(GmConsole gm, CommandLine commands, Terminal terminal) {
        this.gm = gm;
        this.commands = commands;
        this.terminal = terminal;
        this.colour = !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    static int runOnSystemTerminal(GmConsole gm, CommandLine commands) {
        try (Terminal terminal =
                TerminalBuilder.builder().name("gm").system(true).dumb(true).build()) {
            return new Shell(gm, commands, terminal).run();
        } catch (IOException e) {
            System.err.println("gm: cannot open the terminal: " + e.getMessage());
            return GmException.UNAVAILABLE;
        }
    }

    /** Reads and runs commands until {@code exit}, {@code quit} or end of input; 0 unless the terminal failed. */
    int run() {
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("gm")
                .completer(completer(commands))
                .parser(new DefaultParser());
        try {
            Session.createHome(gm.home());
            builder.variable(LineReader.HISTORY_FILE, gm.home().resolve("history"));
        } catch (IOException noHome) {
            // history is a comfort: the shell works without it
        }
        LineReader reader = builder.build();
        // Secrets get their own reader: nothing typed at a password prompt lands in the history.
        LineReader secrets = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("gm-secret")
                .build();
        Io.LineSource masked = () -> readOrNull(secrets, "", '*');
        gm.enterShell(gm.io().with(masked, prompt -> readOrNull(secrets, prompt, '*'), colour));

        PrintWriter out = terminal.writer();
        commands.setOut(out);
        commands.setErr(out);
        commands.setColorScheme(
                CommandLine.Help.defaultColorScheme(colour ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        out.println("NeoBank GM console on " + gm.url() + ". Tab completes, `help` lists commands, `exit` quits.");
        out.flush();
        String prompt = colour
                ? new AttributedStringBuilder()
                        .style(AttributedStyle.BOLD.foreground(AttributedStyle.CYAN))
                        .append("gm")
                        .style(AttributedStyle.DEFAULT)
                        .append("> ")
                        .toAnsi(terminal)
                : "gm> ";
        while (true) {
            String line;
            try {
                line = reader.readLine(prompt);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.equals("exit") || trimmed.equals("quit")) {
                break;
            }
            List<String> words = reader.getParsedLine().words().stream()
                    .filter(w -> !w.isEmpty())
                    .toList();
            execute(words.toArray(String[]::new));
        }
        try {
            reader.getHistory().save();
        } catch (IOException | UncheckedIOException ignored) {
            // as above
        }
        return 0;
    }

    /** Options every command has: offered only once a dash is typed, never ahead of what a command needs. */
    private static final Set<String> EVERYWHERE = Set.of("-h", "--help", "-V", "--version", "--json", "--url");

    /**
     * Tab completion of commands, subcommands, options and the values they offer (games, scopes).
     * Until a dash is typed, subcommands and values come first and options only where nothing else
     * fits, so that a second Tab after {@code users } picks a command, not {@code --help}.
     */
    static Completer completer(CommandLine commands) {
        Completer picocli = new PicocliJLineCompleter(commands.getCommandSpec());
        return (reader, line, candidates) -> {
            List<Candidate> found = new ArrayList<>();
            picocli.complete(reader, line, found);
            found.removeIf(c -> c.value().equals("--home")); // hidden: for tests and scripts, not for people
            if (!line.word().startsWith("-")) {
                if (found.stream().anyMatch(c -> !c.value().startsWith("-"))) {
                    found.removeIf(c -> c.value().startsWith("-"));
                } else if (found.stream().anyMatch(c -> !EVERYWHERE.contains(c.value()))) {
                    found.removeIf(c -> EVERYWHERE.contains(c.value()));
                }
            }
            candidates.addAll(found);
        };
    }

    /** One command; Ctrl-C interrupts it (ending a `tx tail`) instead of the whole console. */
    private void execute(String[] args) {
        Thread runner = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> runner.interrupt());
        try {
            commands.execute(args);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            Thread.interrupted();
        }
    }

    private static String readOrNull(LineReader reader, String prompt, char mask) {
        try {
            return reader.readLine(prompt, mask);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }
}
