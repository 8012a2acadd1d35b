package city.neotropolis.neobank;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.logging.common.DropwizardLayout;
import io.dropwizard.logging.common.layout.DiscoverableLayoutFactory;
import java.util.TimeZone;

/**
 * The console layout {@code type: text}: Dropwizard's own line with the request id added. It exists
 * so that config.yml can switch between {@code text} and {@code json} (dropwizard-json-logging) with
 * one substituted value, {@code layout: {type: ${NEOBANK_LOG_FORMAT:-text}}}.
 */
@JsonTypeName("text")
public class TextLogLayout implements DiscoverableLayoutFactory<ILoggingEvent> {
    /** Dropwizard's default, plus {@code [requestId]} on lines written while a request runs. */
    @JsonProperty
    public String format = "%-5p [%d{ISO8601,UTC}] %replace([%X{requestId}] ){'\\[\\] ', ''}%c: %m%n%rEx";

    @Override
    public LayoutBase<ILoggingEvent> build(LoggerContext context, TimeZone timeZone) {
        DropwizardLayout layout = new DropwizardLayout(context, timeZone);
        layout.setPattern(format);
        return layout;
    }
}
