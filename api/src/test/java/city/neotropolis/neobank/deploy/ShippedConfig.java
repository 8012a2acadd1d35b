package city.neotropolis.neobank.deploy;

import city.neotropolis.neobank.NeoBankConfiguration;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.StringSubstitutor;

/**
 * The repository's own {@code config.yml}, as the jar, the image, Compose and the Kubernetes
 * ConfigMap use it: its text, the environment variables it reads, and the configuration the service
 * builds from it for a given environment (Dropwizard's own factory, the same substitution rules).
 */
final class ShippedConfig {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path FILE = ROOT.resolve("config.yml");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:-([^}]*))?}");

    private ShippedConfig() {}

    static String text() {
        try {
            return Files.readString(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code ${NAME...}} the file reads from the environment. */
    static Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The default written after {@code :-} for a variable, e.g. {@code 8080} for PORT. */
    static String defaultOf(String name) {
        Matcher m = VARIABLE.matcher(text());
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(3);
            }
        }
        throw new IllegalArgumentException(name + " is not read by config.yml");
    }

    /** The configuration the service builds from config.yml when the environment holds exactly {@code env}. */
    static NeoBankConfiguration load(Map<String, String> env) {
        StringSubstitutor substitutor = new StringSubstitutor(env);
        substitutor.setEnableSubstitutionInVariables(true);
        try {
            return new YamlConfigurationFactory<>(
                            NeoBankConfiguration.class,
                            Validators.newValidator(),
                            Jackson.newObjectMapper(),
                            // Not "dw": tests running the app set dw.* system properties as overrides.
                            "shipped-config-only")
                    .build(
                            new SubstitutingSourceProvider(new FileConfigurationSourceProvider(), substitutor),
                            FILE.toString());
        } catch (Exception e) {
            throw new IllegalStateException("config.yml does not load: " + e.getMessage(), e);
        }
    }
}
