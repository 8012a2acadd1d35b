package city.neotropolis.neobank.stipends;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/** When stipends fall due: the event's time zone, how often the scheduler looks, and when a slot counts as missed. */
public class StipendConfig {
    /** Off: nothing is paid automatically (GMs still define stipends). */
    @JsonProperty
    public boolean enabled = true;

    /** The event's time zone: daily stipends pay at their local time here. */
    @NotNull
    @JsonProperty
    public String timeZone = "UTC";

    @NotNull
    @JsonProperty
    public Duration checkEvery = Duration.seconds(15);

    /** A slot found later than this after its time was missed (the service was down): its catch_up decides. */
    @NotNull
    @JsonProperty
    public Duration lateAfter = Duration.minutes(10);
}
