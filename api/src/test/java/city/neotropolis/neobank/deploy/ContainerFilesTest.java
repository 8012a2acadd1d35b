package city.neotropolis.neobank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Dockerfile, .dockerignore and docker-compose.yml, checked as far as a machine without a Docker engine can. */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The container files")
class ContainerFilesTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();
    private static final Path ROOT = ShippedConfig.ROOT;

    record Run(int exit, String output) {}

    static Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("NEOBANK_") || k.contains("PORT"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished: " + command).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Nested
    @DisplayName("Dockerfile")
    class Image {
        /** The shell line of the HEALTHCHECK, as Docker hands it to bash -c. */
        String healthScript() throws IOException {
            String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
            Matcher m = Pattern.compile("HEALTHCHECK[^\\n]*\\\\\\n\\s*CMD \\[\"bash\", \"-c\", \"(.*)\"]")
                    .matcher(dockerfile);
            assertThat(m.find()).as("a bash HEALTHCHECK in the Dockerfile").isTrue();
            return m.group(1).replace("\\\\", "\\");
        }

        @Test
        @DisplayName("checks health on the port PORT names, not on a fixed 8080")
        void healthFollowsPort() throws Exception {
            String script = healthScript();
            Run healthy = run(List.of("bash", "-c", script), Map.of("PORT", Integer.toString(APP.getLocalPort())));
            assertThat(healthy.exit()).as(healthy.output()).isZero();
            int nobody;
            try (ServerSocket s = new ServerSocket(0)) {
                nobody = s.getLocalPort();
            }
            Run down = run(List.of("bash", "-c", script), Map.of("PORT", Integer.toString(nobody)));
            assertThat(down.exit()).as("nothing listens on " + nobody).isNotZero();
        }
    }

    @Nested
    @DisplayName(".dockerignore")
    class Ignore {
        @Test
        @DisplayName(
                "keeps local data (signing key, database, backups), build output and secrets out of the build context")
        void ignores() throws IOException {
            List<String> lines = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .toList();
            assertThat(lines).contains("data/", "**/target/", "*.db", ".env", ".git/", "*.p12");
            assertThat(lines).as("nothing re-included").noneMatch(l -> l.startsWith("!"));
        }
    }

    @Nested
    @DisplayName("docker-compose.yml")
    class Compose {
        @Test
        @DisplayName("requires no variable of the optional postgres profile (YAML as written)")
        void profileVariablesOptional() throws IOException {
            JsonNode compose =
                    new YAMLMapper().readTree(ROOT.resolve("docker-compose.yml").toFile());
            List<String> required = new ArrayList<>();
            compose.path("services").fields().forEachRemaining(e -> {
                if (e.getValue().has("profiles") && e.getValue().toString().contains(":?")) {
                    required.add(e.getKey());
                }
            });
            assertThat(required)
                    .as("services of a profile that demand a variable")
                    .isEmpty();
            JsonNode neobank = compose.at("/services/neobank");
            assertThat(neobank.at("/environment/ADMIN_BIND").asText()).isEqualTo("0.0.0.0");
            assertThat(neobank.path("ports").toString()).contains("127.0.0.1:${ADMIN_PORT:-8081}");
        }

        @Test
        @DisplayName("`config` succeeds without NEOBANK_DB_PASSWORD and fails without the signing key (Compose client)")
        void composeConfig() throws Exception {
            List<String> client = composeClient();
            Assumptions.assumeTrue(
                    client != null,
                    "SKIPPED: no Compose client (the docker compose plugin or Debian's docker-compose) is installed");
            List<String> config = new ArrayList<>(client);
            config.add("config");
            Run ok = run(config, Map.of("NEOBANK_SECRET_KEY", "k".repeat(40)));
            assertThat(ok.exit()).as(ok.output()).isZero();
            assertThat(ok.output()).contains("127.0.0.1:8081:8081").contains("ADMIN_BIND");
            Run noKey = run(config, Map.of());
            assertThat(noKey.exit()).isNotZero();
            assertThat(noKey.output()).contains("NEOBANK_SECRET_KEY");
            config.addAll(client.size(), List.of("--profile", "postgres"));
            Run withProfile = run(config, Map.of("NEOBANK_SECRET_KEY", "k".repeat(40)));
            assertThat(withProfile.exit()).as(withProfile.output()).isZero();
            assertThat(withProfile.output()).contains("postgres:16");
        }

        private List<String> composeClient() throws InterruptedException {
            for (List<String> c : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
                List<String> version = new ArrayList<>(c);
                version.add("version");
                try {
                    if (run(version, Map.of()).exit() == 0) {
                        return c;
                    }
                } catch (IOException absent) {
                    // try the next one
                }
            }
            return null;
        }
    }
}
