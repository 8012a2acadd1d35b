package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The interactive shell, driven over a dumb terminal against the real service")
class ShellTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = Service.app();

    /** Types the lines into a shell opened as `gm --url URL --home HOME` and returns everything it printed. */
    static String session(Path home, String... lines) throws IOException {
        byte[] typed = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        Io io = new Io(Map.of(), () -> null, prompt -> null, false);
        GmConsole gm = new GmConsole(io);
        CommandLine cl = GmConsole.commandLine(gm);
        String[] args = {"--url", Service.url(APP), "--home", home.toString()};
        assertThat(GmConsole.opensShell(cl, args)).isTrue();
        try (Terminal terminal = new DumbTerminal(
                "gm-test", Terminal.TYPE_DUMB, new ByteArrayInputStream(typed), screen, StandardCharsets.UTF_8)) {
            assertThat(new Shell(gm, cl, terminal).run()).isZero();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Nested
    @DisplayName("a whole session")
    class WholeSession {
        @Test
        @DisplayName("logs in with a masked password, runs commands, survives errors, keeps history without secrets")
        void endToEnd() throws IOException {
            Path home = Service.tempDir("gm-shell-");

            String screen = session(
                    home,
                    "login admin --password-stdin",
                    Service.GM_PASSWORD,
                    "whoami",
                    "users show NC-NOPE-0000",
                    "frobnicate",
                    "health --json",
                    "--json",
                    "help tx",
                    "exit",
                    "health");

            assertThat(screen).contains("NeoBank GM console on " + Service.url(APP));
            assertThat(screen).contains("Logged in to " + Service.url(APP) + " as admin");
            assertThat(screen).doesNotContain(Service.GM_PASSWORD);
            assertThat(screen).containsPattern("admin +NC-\\S+ +yes");
            assertThat(screen).contains("gm: ").contains("frobnicate");
            assertThat(screen).contains("\"status\" : \"healthy\"");
            assertThat(screen).contains("tail").contains("Follow new transactions");
            // after `exit` nothing more runs: the trailing `health` never answers in words
            assertThat(screen).doesNotContain("neobank at ");
            assertThat(home.resolve("session")).exists();
            String history = Files.readString(home.resolve("history"));
            assertThat(history).contains("whoami").contains("login admin --password-stdin");
            assertThat(history).doesNotContain(Service.GM_PASSWORD);
        }
    }

    @Nested
    @DisplayName("on a real terminal (tmux)")
    @EnabledIf(value = "city.neotropolis.gm.Tmux#available", disabledReason = "tmux is not installed")
    class RealTerminal {
        @Test
        @DisplayName("completes with Tab, asks for the password without echo, and quits on exit")
        void tabAndPassword() throws Exception {
            Path home = Service.tempDir("gm-tmux-");
            // The class path in a java @argfile: on the command line it is longer than tmux accepts.
            Path args = home.resolve("java.args");
            Files.writeString(args, "-cp \"" + System.getProperty("java.class.path") + "\"\n");
            try (Tmux tmux = Tmux.start(
                    "java",
                    "@" + args,
                    GmConsole.class.getName(),
                    "--url",
                    Service.url(APP),
                    "--home",
                    home.toString())) {
                tmux.waitFor("gm>"); // capture-pane trims the trailing space

                tmux.type("heal").keys("Tab");
                tmux.waitFor("gm> health");
                tmux.keys("Enter").waitFor(": healthy");

                tmux.type("logi").keys("Tab").waitFor("gm> login");
                tmux.type("admin").keys("Enter");
                tmux.waitFor("Password for admin:");
                tmux.type(Service.GM_PASSWORD).keys("Enter");
                String screen = tmux.waitFor("Logged in to");
                assertThat(screen)
                        .doesNotContain(Service.GM_PASSWORD)
                        .contains("*".repeat(Service.GM_PASSWORD.length()));

                tmux.type("users sh").keys("Tab").waitFor("users show");
                tmux.type("NC-NOPE-0000").keys("Enter");
                assertThat(tmux.waitFor("gm: ")).contains("users show NC-NOPE-0000");

                tmux.type("exit").keys("Enter");
                tmux.waitForExit();
            }
            assertThat(home.resolve("session")).exists();
        }
    }

    @Nested
    @DisplayName("completion")
    class Completion {
        List<String> complete(String line) throws IOException {
            CommandLine cl = GmConsole.commandLine(new GmConsole(new Io(Map.of(), () -> null, p -> null, false)));
            try (Terminal t = new DumbTerminal(new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())) {
                LineReader reader = LineReaderBuilder.builder().terminal(t).build();
                List<Candidate> found = new ArrayList<>();
                Shell.completer(cl).complete(reader, new DefaultParser().parse(line, line.length()), found);
                return found.stream().map(Candidate::value).toList();
            }
        }

        @Test
        @DisplayName("offers commands, subcommands, options and known values")
        void offers() throws IOException {
            assertThat(complete("us")).contains("users");
            assertThat(complete("users ")).contains("freeze", "reset-password", "promote", "import");
            assertThat(complete("keys create --"))
                    .contains("--scope", "--max-amount", "--rate-limit")
                    .doesNotContain("--home");
            assertThat(complete("casino enable ")).contains("glitch_grid", "starlight_smuggler");
        }

        @Test
        @DisplayName("offers options only once a dash is typed, or where nothing else fits")
        void optionsLast() throws IOException {
            assertThat(complete("")).contains("users", "tx").noneMatch(c -> c.startsWith("-"));
            assertThat(complete("users ")).isNotEmpty().noneMatch(c -> c.startsWith("-"));
            assertThat(complete("users -")).contains("--help", "--json");
            assertThat(complete("keys create "))
                    .contains("--scope", "--account")
                    .doesNotContain("--help", "-h", "-V", "--json");
        }
    }
}
