package city.neotropolis.neobank.health;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.LayoutBase;
import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.logging.common.ConsoleAppenderFactory;
import io.dropwizard.logging.common.DefaultLoggingFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TimeZone;
import org.apache.commons.text.StringSubstitutor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The repository's config.yml switches the console between text and JSON lines, both with the request id. */
@DisplayName("Log lines, as config.yml writes them")
class LogFormatTest {
    static LayoutBase<ILoggingEvent> layout(Map<String, String> env) throws Exception {
        Path config = Path.of("../config.yml").toAbsolutePath().normalize();
        assertThat(config).isRegularFile();
        ObjectMapper mapper = Jackson.newObjectMapper();
        NeoBankConfiguration c = new YamlConfigurationFactory<>(
                        NeoBankConfiguration.class, Validators.newValidator(), mapper, "dw")
                .build(
                        new SubstitutingSourceProvider(
                                new FileConfigurationSourceProvider(), new StringSubstitutor(env::get)),
                        config.toString());
        DefaultLoggingFactory logging = (DefaultLoggingFactory) c.getLoggingFactory();
        @SuppressWarnings("unchecked")
        ConsoleAppenderFactory<ILoggingEvent> console =
                (ConsoleAppenderFactory<ILoggingEvent>) logging.getAppenders().get(0);
        @SuppressWarnings("unchecked")
        LayoutBase<ILoggingEvent> layout = (LayoutBase<ILoggingEvent>) console.getLayout()
                .build(((LoggerContext) LoggerFactory.getILoggerFactory()), TimeZone.getTimeZone("UTC"));
        layout.start();
        return layout;
    }

    static String line(LayoutBase<ILoggingEvent> layout, String requestId) {
        if (requestId != null) {
            MDC.put("requestId", requestId);
        }
        try {
            LoggingEvent e = new LoggingEvent(
                    "test",
                    ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("city.neotropolis.neobank.Test"),
                    Level.INFO,
                    "Paid {}",
                    null,
                    new Object[] {"5"});
            e.prepareForDeferredProcessing();
            return layout.doLayout(e);
        } finally {
            MDC.remove("requestId");
        }
    }

    @Test
    @DisplayName("text by default, with [requestId] while a request runs and nothing extra otherwise")
    void text() throws Exception {
        LayoutBase<ILoggingEvent> text = layout(Map.of());
        assertThat(line(text, "req-42"))
                .startsWith("INFO ")
                .contains("] [req-42] city.neotropolis.neobank.Test: Paid 5");
        assertThat(line(text, null))
                .contains("] city.neotropolis.neobank.Test: Paid 5")
                .doesNotContain("[]");
    }

    @Test
    @DisplayName("NEOBANK_LOG_FORMAT=json: one JSON object per line, the request id in its mdc")
    void json() throws Exception {
        String line = line(layout(Map.of("NEOBANK_LOG_FORMAT", "json")), "req-43");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("Paid 5");
        assertThat(json.get("logger").asText()).isEqualTo("city.neotropolis.neobank.Test");
        assertThat(json.at("/mdc/requestId").asText()).isEqualTo("req-43");
        assertThat(Files.readString(Path.of("../config.yml"))).contains("type: ${NEOBANK_LOG_FORMAT:-text}");
    }
}
