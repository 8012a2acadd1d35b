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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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

    private static final java.nio.file.Path ROOT =
            java.nio.file.Path.of("..").toAbsolutePath().normalize();
    private static final Pattern GM_CODE = Pattern.compile("`(gm(?: [^`]*)?)`");
    private static final Pattern GM_LINE = Pattern.compile("(?:^|[|;]\\s*|&&\\s*)(gm(?:\\s.*)?)$");
    private static final String METHOD = "(?:GET|POST|PUT|DELETE|PATCH)";
    private static final Pattern ROUTE = Pattern.compile("\\b(" + METHOD + "(?:/" + METHOD + ")*)\\s+(/[^\\s`'\"),]*)");
    private static final Pattern URL = Pattern.compile("https?://[^/\\s`'\"]+(/(?:api|tasks)/[^\\s`'\"),>]*)");
    private static final Pattern CURL_METHOD = Pattern.compile("-X\\s*(" + METHOD + ")");

    /** A mention in a document: where it is and what it says. */
    record Mention(String where, String text) {}

    static List<java.nio.file.Path> documents() {
        try (Stream<java.nio.file.Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<java.nio.file.Path> all = new ArrayList<>();
            all.add(ROOT.resolve("README.md"));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of every document, with a backslash-continued line joined to the next. */
    static List<Mention> lines() {
        List<Mention> out = new ArrayList<>();
        for (java.nio.file.Path doc : documents()) {
            List<String> raw;
            try {
                raw = Files.readAllLines(doc, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = ROOT.relativize(doc).toString();
            for (int i = 0; i < raw.size(); i++) {
                int first = i;
                StringBuilder line = new StringBuilder(raw.get(i));
                while (line.toString().endsWith("\\") && i + 1 < raw.size()) {
                    line.setLength(line.length() - 1);
                    line.append(' ').append(raw.get(++i).strip());
                }
                out.add(new Mention(name + ":" + (first + 1), line.toString()));
            }
        }
        return out;
    }

    /** The gm command lines: inline code spans and lines of shell examples. */
    static List<Mention> gmCommands() {
        List<Mention> out = new ArrayList<>();
        boolean inCode = false;
        for (Mention m : lines()) {
            String line = m.text();
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                Matcher g = GM_LINE.matcher(stripComment(line).strip());
                if (g.find()) {
                    out.add(new Mention(m.where(), g.group(1)));
                }
            } else {
                Matcher c = GM_CODE.matcher(line);
                while (c.find()) {
                    out.add(new Mention(m.where(), c.group(1)));
                }
            }
        }
        return out;
    }

    /** Splits a shell line into words (quotes kept together), stopping at a pipe or redirection. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (char ch : command.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    w.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                any = true;
            } else if (Character.isWhitespace(ch)) {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else if (ch == '|' || ch == '>' || ch == '<' || ch == ';' || ch == '&') {
                break;
            } else {
                w.append(ch);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** Why a documented gm command line is wrong, or null when it names a real command. */
    static String problem(String command) {
        List<String> words = words(command);
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
            if (group && !help && !last.commandSpec().name().equals("help")) {
                return "'" + last.commandSpec().qualifiedName() + "' alone only lists its subcommands "
                        + last.commandSpec().subcommands().keySet();
            }
            return null;
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /** A route mentioned in the docs: its methods and its path (without the query). */
    record Route(Mention where, List<String> methods, String path) {}

    static List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (Mention m : lines()) {
            String line = m.text();
            Matcher r = ROUTE.matcher(line);
            while (r.find()) {
                out.add(new Route(m, List.of(r.group(1).split("/")), path(r.group(2))));
            }
            Matcher u = URL.matcher(line);
            while (u.find()) {
                Matcher x = CURL_METHOD.matcher(line);
                String method = line.contains("curl") && x.find() ? x.group(1) : "GET";
                out.add(new Route(m, List.of(method), path(u.group(1))));
            }
        }
        return out;
    }

    private static String path(String raw) {
        String p = raw;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        while (p.length() > 1 && ".:;".indexOf(p.charAt(p.length() - 1)) >= 0) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Nested
    @DisplayName("gm command lines")
    class Commands {
        @Test
        @DisplayName("the checker finds the commands and refuses a wrong one")
        void checkerWorks() {
            assertThat(gmCommands()).hasSizeGreaterThan(40);
            assertThat(problem("gm users adjust NC-7K2P-QX4D 50 --reason \"quest reward\""))
                    .isNull();
            assertThat(problem("gm --json users search kay")).isNull();
            assertThat(problem("gm verify")).contains("verify");
            assertThat(problem("gm backup")).contains("only lists its subcommands");
            assertThat(words("gm factions grant \"Chrome Saints\" 25 --reason 'x y' | jq ."))
                    .containsExactly("gm", "factions", "grant", "Chrome Saints", "25", "--reason", "x y");
        }

        @Test
        @DisplayName("every one parses against the real command tree and names a command")
        void allParse() {
            List<String> wrong = new ArrayList<>();
            for (Mention m : gmCommands()) {
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

        @Test
        @DisplayName("every 'neobank.jar COMMAND' names a command of the service's own command line")
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
            for (Mention m : lines()) {
                Matcher j = JAR.matcher(m.text());
                while (j.find()) {
                    seen++;
                    if (!known.contains(j.group(1))) {
                        wrong.add(m.where() + ": neobank.jar " + j.group(1) + " (known: " + known + ")");
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
            assertThat(routes()).hasSizeGreaterThan(40);
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
            for (Route r : routes()) {
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
