package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.glassfish.jersey.uri.UriTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * The docs say only what exists: every {@code gm …} command line in README.md and docs/*.md parses
 * against the real command tree and names a command that does something, every
 * {@code neobank.jar COMMAND} is one of the service's commands, and every route they mention
 * ({@code GET /api/…}, {@code curl … /tasks/…}) is one the real service registers.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("README and docs/")
class DocsCheckTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = Service.app();

    /** Why a documented gm command line is wrong, or null when it names a real command. */
    static String problem(String command) {
        List<String> words = DocsText.words(command);
        // "`gm stipends …`" in prose means the group's commands: check what stands before the ellipsis.
        int elided = words.indexOf("…") >= 0 ? words.indexOf("…") : words.indexOf("...");
        if (elided >= 0) {
            words = words.subList(0, elided);
        }
        String[] args = words.subList(1, words.size()).toArray(String[]::new);
        CommandLine cl = GmConsole.commandLine(new GmConsole(new Io(Map.of(), () -> null, p -> null, false)));
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            CommandLine.ParseResult last = parsed;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            boolean help = last.isUsageHelpRequested() || last.isVersionHelpRequested();
            boolean group = last != parsed && !last.commandSpec().subcommands().isEmpty();
            if (group && !help && elided < 0 && !last.commandSpec().name().equals("help")) {
                return "'" + last.commandSpec().qualifiedName() + "' alone only lists its subcommands "
                        + last.commandSpec().subcommands().keySet();
            }
            return null;
        } catch (CommandLine.MissingParameterException e) {
            return null; // prose naming a command ("`gm users create`") leaves its arguments out
        } catch (CommandLine.ParameterException e) {
            if (e.getValue() != null && e.getValue().matches("[A-Z][A-Z_]*")) {
                return null; // a placeholder (`gm keys revoke ID`) stands where a number goes
            }
            return e.getMessage();
        }
    }

    @Nested
    @DisplayName("gm command lines")
    class Commands {
        @Test
        @DisplayName("the checker finds the commands and refuses a wrong one")
        void checkerWorks() {
            assertThat(DocsText.gmCommands()).hasSizeGreaterThan(40);
            assertThat(problem("gm users adjust NC-7K2P-QX4D 50 --reason \"quest reward\""))
                    .isNull();
            assertThat(problem("gm --json users search kay")).isNull();
            assertThat(problem("gm verify")).contains("verify");
            assertThat(problem("gm backup")).contains("only lists its subcommands");
            assertThat(problem("gm users create"))
                    .as("a command named in prose")
                    .isNull();
            assertThat(problem("gm keys revoke ID")).as("a placeholder").isNull();
            assertThat(problem("gm users …")).as("a group named in prose").isNull();
            assertThat(problem("gm frobs …")).contains("frobs");
            assertThat(problem("gm keys revoke seven")).contains("not a whole number");
            assertThat(DocsText.words("gm factions grant \"Chrome Saints\" 25 --reason 'x y' | jq ."))
                    .containsExactly("gm", "factions", "grant", "Chrome Saints", "25", "--reason", "x y");
        }

        @Test
        @DisplayName("every one parses against the real command tree and names a command")
        void allParse() {
            List<String> wrong = new ArrayList<>();
            for (DocsText.Mention m : DocsText.gmCommands()) {
                String p = problem(m.text());
                if (p != null) {
                    wrong.add(m.where() + ": `" + m.text() + "`: " + p);
                }
            }
            assertThat(wrong).as("gm commands in the docs that do not exist").isEmpty();
        }
    }

    @Nested
    @DisplayName("service commands")
    class ServiceCommands {
        private static final Pattern JAR = Pattern.compile("neobank\\.jar\\s+([a-z][a-z0-9-]*)");
        /** The launcher takes the same commands, plus its own {@code cds}. */
        private static final Pattern LAUNCHER = Pattern.compile("bin/neobank\\s+([a-z][a-z0-9-]*)");

        @Test
        @DisplayName(
                "every 'neobank.jar COMMAND' and 'bin/neobank COMMAND' names a command of the service's own command line")
        void allExist() {
            NeoBankApplication app = new NeoBankApplication();
            Bootstrap<NeoBankConfiguration> bootstrap = new Bootstrap<>(app);
            app.initialize(bootstrap);
            Set<String> known = new LinkedHashSet<>();
            // Dropwizard adds server and check itself when the application runs.
            known.addAll(List.of("server", "check"));
            bootstrap.getCommands().forEach(c -> known.add(c.getName()));
            List<String> wrong = new ArrayList<>();
            int seen = 0;
            for (DocsText.Mention m : DocsText.lines()) {
                Matcher j = JAR.matcher(m.text());
                while (j.find()) {
                    seen++;
                    if (!known.contains(j.group(1))) {
                        wrong.add(m.where() + ": neobank.jar " + j.group(1) + " (known: " + known + ")");
                    }
                }
            }
            for (DocsText.Mention m : DocsText.lines()) {
                Matcher l = LAUNCHER.matcher(m.text());
                while (l.find()) {
                    if (!known.contains(l.group(1)) && !l.group(1).equals("cds")) {
                        wrong.add(m.where() + ": bin/neobank " + l.group(1) + " (known: cds, " + known + ")");
                    }
                }
            }
            assertThat(known).contains("restore", "import-original");
            assertThat(seen).isGreaterThan(3);
            assertThat(wrong)
                    .as("service commands in the docs that do not exist")
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("routes")
    class Routes {
        private static final Map<String, List<UriTemplate>> API = new HashMap<>();
        private static final Set<String> SERVLETS = new LinkedHashSet<>();

        @BeforeAll
        static void registered() {
            String root = APP.getConfiguration().getServerFactory()
                            instanceof io.dropwizard.core.server.DefaultServerFactory f
                    ? f.getJerseyRootPath().orElse("/")
                    : "/";
            String base = root.replace("/*", "").replaceAll("/+$", "");
            var rc = APP.getEnvironment().jersey().getResourceConfig();
            List<Class<?>> classes = new ArrayList<>(rc.getClasses());
            rc.getInstances().forEach(i -> classes.add(i.getClass()));
            for (Class<?> c : classes) {
                if (c.isAnnotationPresent(Path.class)) {
                    collect(Resource.from(c), base);
                }
            }
            for (Resource r : rc.getResources()) {
                collect(r, base);
            }
            for (var mapping : APP.getEnvironment()
                    .getApplicationContext()
                    .getServletHandler()
                    .getServletMappings()) {
                SERVLETS.addAll(List.of(mapping.getPathSpecs()));
            }
        }

        private static void collect(Resource r, String prefix) {
            String here = join(prefix, r.getPath());
            for (ResourceMethod m : r.getResourceMethods()) {
                API.computeIfAbsent(m.getHttpMethod(), k -> new ArrayList<>()).add(new UriTemplate(here));
            }
            for (Resource child : r.getChildResources()) {
                collect(child, here);
            }
        }

        private static String join(String a, String b) {
            if (b == null || b.isEmpty() || b.equals("/")) {
                return a;
            }
            return a.replaceAll("/+$", "") + "/" + b.replaceAll("^/+", "");
        }

        static boolean exists(String method, String path) {
            if (path.startsWith("/tasks/")) {
                return taskExists(path);
            }
            if (!path.startsWith("/api/")) {
                return SERVLETS.contains(path) || path.equals("/healthcheck") || path.equals("/metrics");
            }
            return API.getOrDefault(method, List.of()).stream().anyMatch(t -> t.match(path, new HashMap<>()));
        }

        /** Tasks live on the admin port: an unknown one is 404, a known one refuses GET with 405. */
        private static boolean taskExists(String path) {
            try {
                HttpResponse<Void> r = HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getAdminPort() + path))
                                        .GET()
                                        .build(),
                                HttpResponse.BodyHandlers.discarding());
                return r.statusCode() != 404;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Test
        @DisplayName("the checker knows the service's routes and refuses a wrong one")
        void checkerWorks() {
            assertThat(DocsText.routes()).hasSizeGreaterThan(40);
            assertThat(exists("GET", "/api/admin/ledger/verify")).isTrue();
            assertThat(exists("POST", "/api/admin/users/{account_number}/freeze"))
                    .isTrue();
            assertThat(exists("POST", "/tasks/backup")).isTrue();
            assertThat(exists("GET", "/health")).isTrue();
            assertThat(exists("POST", "/api/admin/ledger/verify")).isFalse();
            assertThat(exists("GET", "/api/admin/nothing-here")).isFalse();
            assertThat(exists("POST", "/tasks/no-such-task")).isFalse();
        }

        @Test
        @DisplayName("every one is registered by the real service, with that method")
        void allExist() {
            List<String> wrong = new ArrayList<>();
            for (DocsText.Route r : DocsText.routes()) {
                for (String method : r.methods()) {
                    if (!exists(method, r.path())) {
                        wrong.add(r.where().where() + ": " + method + " " + r.path());
                    }
                }
            }
            assertThat(wrong)
                    .as("routes in the docs that the service does not have (methods known: %s)", API.keySet())
                    .isEmpty();
        }
    }
}
