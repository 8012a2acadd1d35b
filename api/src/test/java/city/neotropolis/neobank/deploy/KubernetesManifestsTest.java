package city.neotropolis.neobank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Kubernetes overlays as {@code kubectl kustomize} renders them, checked against the service
 * itself: what the manifests set, reference and probe must exist, so that a deployment cannot drift
 * from the code it runs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(
        value = "city.neotropolis.neobank.deploy.Rendered#kubectlPresent",
        disabledReason = "SKIPPED: kubectl is not installed (Debian package kubectl; .ci/run installs it)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The Kubernetes manifests, rendered by kubectl kustomize")
class KubernetesManifestsTest {
    /**
     * Peak RSS measured with the image's JVM flags: 280 MiB under full transfer load (README
     * "Footprint", bench/transfers.sh), 287 MiB with 500 idle phones polling (bench/idle-phones.sh).
     */
    static final long MEASURED_PEAK_RSS_MIB = 287;

    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();
    private static final Pattern SVC_HOST = Pattern.compile("(?://|-h )([a-z0-9-]+)(?:\\.[a-z0-9.-]+)?(?::\\d+|\\s|$)");

    private Rendered sqlite;
    private Rendered postgres;

    @BeforeAll
    void render() {
        sqlite = Rendered.overlay("sqlite");
        postgres = Rendered.overlay("postgres");
    }

    List<Rendered> both() {
        return List.of(sqlite, postgres);
    }

    @Nested
    @DisplayName("carry the repository's config.yml")
    class Config {
        @Test
        @DisplayName("as a generated ConfigMap, byte for byte, mounted where the image reads it")
        void generated() {
            for (Rendered r : both()) {
                JsonNode map = r.all("ConfigMap")
                        .filter(m -> m.at("/metadata/name").asText().startsWith("neobank-config-"))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError(r.overlay() + ": no generated neobank-config"));
                assertThat(map.at("/data/config.yml").asText()).isEqualTo(ShippedConfig.text());
                assertThat(map.at("/data/config.yml").asText())
                        .as("the section the old copy lost")
                        .contains("backups:");
                String mapName = map.at("/metadata/name").asText();
                JsonNode volumes = r.deployment().at("/spec/template/spec/volumes");
                assertThat(volumes.findValuesAsText("name")).contains("config");
                assertThat(volumes.findValues("configMap").get(0).path("name").asText())
                        .isEqualTo(mapName);
                assertThat(r.container().path("volumeMounts").toString()).contains("\"mountPath\":\"/app/config.yml\"");
            }
        }

        @Test
        @DisplayName("and every environment variable the manifests set for the service is one config.yml reads")
        void envVarsExist() {
            Set<String> read = ShippedConfig.variables();
            for (Rendered r : both()) {
                List<String> set = new java.util.ArrayList<>();
                r.container().path("env").forEach(e -> set.add(e.path("name").asText()));
                assertThat(set).isNotEmpty();
                assertThat(read)
                        .as(r.overlay() + ": variables read by config.yml")
                        .containsAll(set);
            }
        }

        @Test
        @DisplayName("with the admin port opened to the pod address (it is loopback-only otherwise)")
        void adminBind() {
            for (Rendered r : both()) {
                assertThat(r.container().path("env").toString())
                        .contains("{\"name\":\"ADMIN_BIND\",\"value\":\"0.0.0.0\"}");
            }
        }
    }

    @Nested
    @DisplayName("match the service's ports and routes")
    class Ports {
        @Test
        @DisplayName("container ports are config.yml's PORT and ADMIN_PORT")
        void ports() {
            for (Rendered r : both()) {
                assertThat(r.containerPort("http")).isEqualTo(Integer.parseInt(ShippedConfig.defaultOf("PORT")));
                assertThat(r.containerPort("admin")).isEqualTo(Integer.parseInt(ShippedConfig.defaultOf("ADMIN_PORT")));
                assertThat(r.container().path("env").findValuesAsText("name")).doesNotContain("PORT", "ADMIN_PORT");
                JsonNode annotations = r.deployment().at("/spec/template/metadata/annotations");
                assertThat(annotations.path("prometheus.io/port").asInt()).isEqualTo(r.containerPort("admin"));
            }
        }

        @Test
        @DisplayName("every probe and the scrape path answer 200 on the port they name")
        void probes() {
            Api app = TestApp.api(APP);
            Api admin = new Api("http://127.0.0.1:" + APP.getAdminPort());
            for (Rendered r : both()) {
                JsonNode c = r.container();
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    JsonNode get = c.path(probe).path("httpGet");
                    assertThat(get.isMissingNode())
                            .as(r.overlay() + " " + probe)
                            .isFalse();
                    Api on = "admin".equals(get.path("port").asText()) ? admin : app;
                    assertThat(get.path("port").asText()).isIn("http", "admin");
                    assertThat(on.get(get.path("path").asText(), null).status())
                            .as(r.overlay() + " " + probe + " " + get)
                            .isEqualTo(200);
                }
                String scrape = r.deployment()
                        .at("/spec/template/metadata/annotations")
                        .path("prometheus.io/path")
                        .asText();
                assertThat(admin.get(scrape, null).status())
                        .as("scrape path " + scrape)
                        .isEqualTo(200);
            }
        }

        @Test
        @DisplayName("Services select the pods and target ports the container has")
        void services() {
            for (Rendered r : both()) {
                JsonNode labels = r.deployment().at("/spec/template/metadata/labels");
                r.all("Service").forEach(s -> {
                    s.at("/spec/selector")
                            .fields()
                            .forEachRemaining(
                                    e -> assertThat(labels.path(e.getKey()).asText())
                                            .as(s.at("/metadata/name") + " selects " + e)
                                            .isEqualTo(e.getValue().asText()));
                    for (JsonNode p : s.at("/spec/ports")) {
                        r.containerPort(p.path("targetPort").asText());
                    }
                });
                assertThat(r.one("Service", "neobank").at("/spec/ports").findValuesAsText("targetPort"))
                        .containsExactly("http");
            }
        }
    }

    @Nested
    @DisplayName("reference only what exists")
    class References {
        @Test
        @DisplayName("Secrets: the documented neobank-secrets, or the app secret CloudNativePG makes for its Cluster")
        void secrets() throws IOException {
            String example = Files.readString(ShippedConfig.ROOT.resolve("k8s/base/secret.example.yaml"));
            for (Rendered r : both()) {
                Set<String> known = new HashSet<>();
                known.add("neobank-secrets");
                r.all("Cluster").forEach(c -> known.add(c.at("/metadata/name").asText() + "-app"));
                r.all("Secret").forEach(s -> known.add(s.at("/metadata/name").asText()));
                r.allContainers().forEach(c -> {
                    for (JsonNode ref : c.findValues("secretKeyRef")) {
                        String name = ref.path("name").asText();
                        assertThat(known).as(r.overlay() + ": secret " + name).contains(name);
                        if (name.equals("neobank-secrets")) {
                            assertThat(example)
                                    .as("secret.example.yaml shows key " + ref.path("key"))
                                    .contains(ref.path("key").asText() + ":");
                        }
                    }
                });
            }
        }

        @Test
        @DisplayName("Services: every host a manifest talks to, and every Ingress backend")
        void servicesExist() {
            for (Rendered r : both()) {
                Set<String> services = r.all("Service")
                        .map(s -> s.at("/metadata/name").asText())
                        .collect(Collectors.toSet());
                r.all("Cluster").forEach(c -> {
                    String n = c.at("/metadata/name").asText();
                    services.addAll(List.of(n + "-rw", n + "-ro", n + "-r"));
                });
                Set<String> hosts = new HashSet<>();
                r.allContainers().forEach(c -> {
                    for (JsonNode v : c.findValues("value")) {
                        hosts.addAll(hostsIn(v.asText()));
                    }
                    c.path("args").forEach(a -> hosts.addAll(hostsIn(a.asText())));
                });
                r.all("Ingress")
                        .forEach(i -> hosts.addAll(i.findValues("service").stream()
                                .map(s -> s.path("name").asText())
                                .toList()));
                assertThat(hosts).as(r.overlay() + ": hosts named").isNotEmpty();
                assertThat(services).as(r.overlay() + ": Services").containsAll(hosts);
            }
            assertThat(postgres.container().path("env").toString()).contains("neobank-db-rw");
        }

        private Set<String> hostsIn(String text) {
            Set<String> hosts = new HashSet<>();
            Matcher m = SVC_HOST.matcher(text);
            while (m.find()) {
                hosts.add(m.group(1));
            }
            return hosts;
        }
    }

    @Nested
    @DisplayName("fit the database they run on")
    class Shape {
        @Test
        @DisplayName("SQLite: one replica on a claimed volume, stopped before the next starts (Recreate)")
        void sqliteOneReplica() {
            JsonNode d = sqlite.deployment();
            assertThat(d.at("/spec/replicas").asInt()).isEqualTo(1);
            assertThat(d.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
            String claim = d.at("/spec/template/spec/volumes")
                    .findValues("persistentVolumeClaim")
                    .get(0)
                    .path("claimName")
                    .asText();
            assertThat(sqlite.has("PersistentVolumeClaim", claim)).isTrue();
            assertThat(sqlite.all("PodDisruptionBudget"))
                    .as("one replica: a budget would block drains")
                    .isEmpty();
        }

        @Test
        @DisplayName("PostgreSQL: two or more replicas, rolled one at a time, with a PodDisruptionBudget")
        void postgresReplicas() {
            JsonNode d = postgres.deployment();
            int replicas = d.at("/spec/replicas").asInt();
            assertThat(replicas).isGreaterThanOrEqualTo(2);
            assertThat(d.at("/spec/strategy/type").asText()).isEqualTo("RollingUpdate");
            assertThat(d.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt())
                    .isZero();
            JsonNode pdb = postgres.one("PodDisruptionBudget", "neobank");
            assertThat(pdb.at("/spec/selector/matchLabels")).isEqualTo(d.at("/spec/selector/matchLabels"));
            assertThat(pdb.at("/spec/minAvailable").asInt()).isBetween(1, replicas - 1);
            assertThat(postgres.container().path("env").toString()).contains("jdbc:postgresql://");
        }

        @Test
        @DisplayName("a NetworkPolicy keeps the admin port inside the cluster and leaves the public port open")
        void adminStaysInside() {
            for (Rendered r : both()) {
                JsonNode np = r.one("NetworkPolicy", "neobank");
                assertThat(np.at("/spec/podSelector/matchLabels"))
                        .isEqualTo(r.deployment().at("/spec/template/metadata/labels"));
                assertThat(np.at("/spec/policyTypes").toString()).contains("Ingress");
                boolean httpOpen = false;
                boolean adminInside = false;
                for (JsonNode rule : np.at("/spec/ingress")) {
                    List<String> ports = rule.path("ports").findValuesAsText("port");
                    boolean fromAnywhere = rule.path("from").isMissingNode()
                            || rule.path("from").isEmpty();
                    if (ports.contains("admin") || ports.isEmpty()) {
                        assertThat(fromAnywhere)
                                .as(r.overlay() + ": admin port open to the world by " + rule)
                                .isFalse();
                        assertThat(rule.toString())
                                .as("no ipBlock lets outside addresses in")
                                .doesNotContain("ipBlock");
                        adminInside |= ports.contains("admin");
                    }
                    httpOpen |= ports.contains("http") && fromAnywhere;
                }
                assertThat(httpOpen).as(r.overlay() + ": public port reachable").isTrue();
                assertThat(adminInside)
                        .as(r.overlay() + ": admin port reachable inside the cluster")
                        .isTrue();
            }
        }

        @Test
        @DisplayName("requests and limits cover the measured footprint")
        void resources() throws IOException {
            String dockerfile = Files.readString(ShippedConfig.ROOT.resolve("Dockerfile"));
            Matcher xmx = Pattern.compile("-Xmx(\\d+)m").matcher(dockerfile);
            assertThat(xmx.find()).as("the image caps the heap").isTrue();
            long heap = Long.parseLong(xmx.group(1));
            for (Rendered r : both()) {
                JsonNode res = r.container().path("resources");
                long request = mebibytes(res.at("/requests/memory").asText());
                long limit = mebibytes(res.at("/limits/memory").asText());
                assertThat(request).as(r.overlay() + " memory request").isGreaterThanOrEqualTo(MEASURED_PEAK_RSS_MIB);
                assertThat(limit).as(r.overlay() + " memory limit").isGreaterThanOrEqualTo(request + heap / 2);
                assertThat(limit).as("not wildly above what it uses").isLessThanOrEqualTo(2 * MEASURED_PEAK_RSS_MIB);
                assertThat(res.at("/requests/cpu").asText()).isNotEmpty();
                assertThat(res.at("/limits/cpu").asText()).isNotEmpty();
            }
        }

        private long mebibytes(String quantity) {
            assertThat(quantity).matches("\\d+(Mi|Gi)");
            long n = Long.parseLong(quantity.replaceAll("\\D", ""));
            return quantity.endsWith("Gi") ? n * 1024 : n;
        }
    }
}
