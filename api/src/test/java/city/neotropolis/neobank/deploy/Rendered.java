package city.neotropolis.neobank.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One kustomize overlay rendered by {@code kubectl kustomize} (as {@code .ci/run} and the README
 * deploy it), parsed into its objects.
 */
record Rendered(String overlay, List<JsonNode> objects) {
    private static final YAMLMapper YAML = new YAMLMapper();

    static boolean kubectlPresent() {
        try {
            Process p = new ProcessBuilder("kubectl", "version", "--client")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Rendered overlay(String name) {
        Path dir = ShippedConfig.ROOT.resolve("k8s/overlays").resolve(name);
        try {
            Path out = Files.createTempFile("kustomize-" + name, ".yaml");
            Process p = new ProcessBuilder(
                            "kubectl", "kustomize", "--load-restrictor", "LoadRestrictionsNone", dir.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.PIPE)
                    .start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
            }
            List<JsonNode> objects = new ArrayList<>();
            try (var it = YAML.readValues(YAML.createParser(out.toFile()), JsonNode.class)) {
                while (it.hasNext()) {
                    JsonNode o = it.next();
                    if (o != null && !o.isNull() && !o.isEmpty()) {
                        objects.add(o);
                    }
                }
            }
            Files.delete(out);
            return new Rendered(name, objects);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Stream<JsonNode> all(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText()));
    }

    JsonNode one(String kind, String name) {
        return all(kind)
                .filter(o -> name.equals(o.at("/metadata/name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    boolean has(String kind, String name) {
        return all(kind).anyMatch(o -> name.equals(o.at("/metadata/name").asText()));
    }

    JsonNode deployment() {
        return one("Deployment", "neobank");
    }

    JsonNode container() {
        for (JsonNode c : deployment().at("/spec/template/spec/containers")) {
            if ("neobank".equals(c.path("name").asText())) {
                return c;
            }
        }
        throw new AssertionError(overlay + ": the Deployment has no container neobank");
    }

    /** Every container of every pod template the overlay renders (Deployment, CronJobs). */
    Stream<JsonNode> allContainers() {
        return objects.stream()
                .flatMap(o -> Stream.of(
                        o.at("/spec/template/spec/containers"),
                        o.at("/spec/jobTemplate/spec/template/spec/containers")))
                .filter(JsonNode::isArray)
                .flatMap(a -> {
                    List<JsonNode> l = new ArrayList<>();
                    a.forEach(l::add);
                    return l.stream();
                });
    }

    /** The number of a named container port of the service's container. */
    int containerPort(String portName) {
        for (JsonNode p : container().path("ports")) {
            if (portName.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError(overlay + ": no container port named " + portName);
    }
}
