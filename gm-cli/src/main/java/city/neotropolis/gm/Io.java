package city.neotropolis.gm;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the console runs in: its environment, its stdin, how to ask for a secret, and whether a person watches. */
public final class Io {
    /** Asks for a secret without echoing it; null when there is nobody to ask. */
    public interface SecretPrompt {
        String ask(String prompt);
    }

    /** Reads one line of input; null at its end. */
    public interface LineSource {
        String readLine();
    }

    private final Map<String, String> env;
    private final LineSource stdin;
    private final SecretPrompt secrets;
    private final boolean terminal;

    public Io(Map<String, String> env, LineSource stdin, SecretPrompt secrets, boolean terminal) {
        this.env = Map.copyOf(env);
        this.stdin = stdin;
        this.secrets = secrets;
        this.terminal = terminal;
    }

    /** The real process: its environment, stdin, and {@link System#console()} for secrets. */
    public static Io system() {
        Console console = System.console();
        String term = System.getenv().getOrDefault("TERM", "");
        boolean tty = console != null && !term.isEmpty() && !"dumb".equals(term);
        return new Io(
                System.getenv(),
                lines(System.in),
                prompt -> {
                    Console c = System.console();
                    if (c == null) {
                        return null;
                    }
                    char[] pw = c.readPassword("%s", prompt);
                    return pw == null ? null : new String(pw);
                },
                tty);
    }

    /** Lines of a stream, read lazily (only a command that wants stdin consumes it). */
    public static LineSource lines(InputStream in) {
        return new LineSource() {
            private BufferedReader reader;

            @Override
            public synchronized String readLine() {
                if (reader == null) {
                    reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                try {
                    return reader.readLine();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    /** The same environment, read through other means (the shell reads stdin and secrets from its terminal). */
    public Io with(LineSource stdin, SecretPrompt secrets, boolean terminal) {
        return new Io(env, stdin, secrets, terminal);
    }

    public String env(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v;
    }

    /** True when a person is watching a real terminal: colours and progress bars are welcome. */
    public boolean terminal() {
        return terminal;
    }

    /** A password: one line from stdin when asked to, else a prompt without echo. */
    public String secret(String prompt, boolean fromStdin) {
        String value = fromStdin ? stdin.readLine() : secrets.ask(prompt);
        if (value == null) {
            throw GmException.usage(
                    fromStdin
                            ? "no password on stdin"
                            : "no terminal to ask for the password on: pass it with --password-stdin");
        }
        return value;
    }
}
