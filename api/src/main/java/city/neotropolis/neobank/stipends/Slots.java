package city.neotropolis.neobank.stipends;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a stipend falls due, as instants: a daily one at its local time on each date from start to
 * end in the event's time zone (a time that a clock change skips moves forward, as
 * {@link ZonedDateTime#of} does), a single one at its moment. Pure arithmetic, no database.
 */
public final class Slots {
    private Slots() {}

    /** The slots in [from, to] (epoch millis, both inclusive), oldest first. */
    public static List<Long> between(Stipend s, ZoneId zone, long from, long to) {
        List<Long> out = new ArrayList<>();
        if (from > to) {
            return out;
        }
        if (Stipend.ONCE.equals(s.schedule())) {
            if (s.onceAt() != null && s.onceAt() >= from && s.onceAt() <= to) {
                out.add(s.onceAt());
            }
            return out;
        }
        LocalTime time = LocalTime.parse(s.timeOfDay());
        LocalDate first =
                max(LocalDate.parse(s.startDate()), localDate(from, zone).minusDays(1));
        LocalDate last = min(LocalDate.parse(s.endDate()), localDate(to, zone).plusDays(1));
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            long at = ZonedDateTime.of(d, time, zone).toInstant().toEpochMilli();
            if (at >= from && at <= to) {
                out.add(at);
            }
        }
        return out;
    }

    /** The first slot strictly after {@code after}, or null when the schedule is over. */
    public static Long next(Stipend s, ZoneId zone, long after) {
        if (Stipend.ONCE.equals(s.schedule())) {
            return s.onceAt() != null && s.onceAt() > after ? s.onceAt() : null;
        }
        LocalTime time = LocalTime.parse(s.timeOfDay());
        LocalDate end = LocalDate.parse(s.endDate());
        for (LocalDate d = max(
                        LocalDate.parse(s.startDate()), localDate(after, zone).minusDays(1));
                !d.isAfter(end);
                d = d.plusDays(1)) {
            long at = ZonedDateTime.of(d, time, zone).toInstant().toEpochMilli();
            if (at > after) {
                return at;
            }
        }
        return null;
    }

    private static LocalDate localDate(long millis, ZoneId zone) {
        return Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
