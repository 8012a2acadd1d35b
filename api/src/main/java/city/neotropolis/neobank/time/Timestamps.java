package city.neotropolis.neobank.time;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** ISO-8601 in UTC with a Z, the one time format of the API. */
public final class Timestamps {
    private Timestamps() {}

    public static String iso(long epochMillis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(epochMillis));
    }
}
