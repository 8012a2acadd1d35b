package city.neotropolis.gm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A program on a real terminal: a detached tmux session on its own server socket, typed into and read back. */
final class Tmux implements AutoCloseable {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final String socket;

    private Tmux(String socket) {
        this.socket = socket;
    }

    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/tmux")) || Files.isExecutable(Path.of("/usr/local/bin/tmux"));
    }

    static Tmux start(String... command) throws IOException, InterruptedException {
        Tmux t = new Tmux("gm-test-" + UUID.randomUUID());
        List<String> args = new ArrayList<>(
                List.of("new-session", "-d", "-s", "gm", "-x", "160", "-y", "50", "-e", "TERM=xterm-256color"));
        args.add(String.join(" ", quoted(command)));
        t.tmux(args.toArray(String[]::new));
        t.tmux("set-option", "-t", "gm", "remain-on-exit", "on");
        return t;
    }

    /** Types text literally (no key names). */
    Tmux type(String text) throws IOException, InterruptedException {
        tmux("send-keys", "-t", "gm", "-l", text);
        return this;
    }

    /** Presses keys by tmux name: Tab, Enter, C-c. */
    Tmux keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", "gm"));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
        return this;
    }

    String screen() throws IOException, InterruptedException {
        return tmux("capture-pane", "-p", "-t", "gm", "-S", "-200");
    }

    /** Polls the screen until it shows the text; returns the screen then. */
    String waitFor(String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        String screen = screen();
        while (!screen.contains(text)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the terminal never showed '" + text + "':\n" + screen);
            }
            Thread.sleep(50); // polling a screen another process draws: there is nothing to wait on
            screen = screen();
        }
        return screen;
    }

    /** Waits until the program in the pane has ended. */
    void waitForExit() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!tmux("display-message", "-p", "-t", "gm", "#{pane_dead}")
                .strip()
                .equals("1")) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the program did not exit:\n" + screen());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        new ProcessBuilder("tmux", "-L", socket, "kill-server")
                .redirectErrorStream(true)
                .start()
                .waitFor();
    }

    private String tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
        return out;
    }

    private static List<String> quoted(String... words) {
        List<String> q = new ArrayList<>();
        for (String w : words) {
            q.add("'" + w.replace("'", "'\\''") + "'");
        }
        return q;
    }
}
