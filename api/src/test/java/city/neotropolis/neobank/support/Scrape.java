package city.neotropolis.neobank.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** One scrape of a service's /metrics, read the way Prometheus reads the text format. */
public final class Scrape {
    private final Map<String, Double> series = new LinkedHashMap<>();
    private final Set<String> names = new TreeSet<>();

    private Scrape(String text) {
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String key = line.substring(0, space);
            series.put(key, Double.parseDouble(line.substring(space + 1)));
            int brace = key.indexOf('{');
            names.add(brace < 0 ? key : key.substring(0, brace));
        }
    }

    /** Scrapes {@code http://127.0.0.1:<adminPort>/metrics}. */
    public static Scrape of(int adminPort) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/metrics"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("/metrics answered " + r.statusCode());
            }
            return new Scrape(r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every sample name exported (with _total, _bucket, ... suffixes as written). */
    public Set<String> names() {
        return names;
    }

    /** A sample's value by name and label pairs in the order exported; 0 when absent. */
    public double value(String name, String... labels) {
        return series.getOrDefault(key(name, labels), 0.0);
    }

    /** How much a sample grew since an earlier scrape. */
    public double since(Scrape earlier, String name, String... labels) {
        return value(name, labels) - earlier.value(name, labels);
    }

    public boolean has(String name, String... labels) {
        return series.containsKey(key(name, labels));
    }

    private static String key(String name, String... labels) {
        if (labels.length == 0) {
            return name;
        }
        StringBuilder b = new StringBuilder(name).append('{');
        for (int i = 0; i + 1 < labels.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(labels[i]).append("=\"").append(labels[i + 1]).append('"');
        }
        return b.append('}').toString();
    }
}
