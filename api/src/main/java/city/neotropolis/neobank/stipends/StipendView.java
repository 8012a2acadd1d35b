package city.neotropolis.neobank.stipends;

import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

/** A stipend as GMs read it; times as ISO-8601 UTC, daily times and dates in {@code time_zone}. */
public record StipendView(
        long id,
        String name,
        Credits amount,
        String recipients,
        String faction,
        List<String> accounts,
        String schedule,
        String time,
        String from,
        String until,
        String at,
        String catchUp,
        boolean paused,
        String timeZone,
        String nextSlot,
        String createdBy,
        String createdAt,
        String updatedAt) {

    static StipendView of(Stipend s, List<String> accounts, ZoneId zone, long now) {
        Long next = s.paused() ? null : Slots.next(s, zone, now);
        return new StipendView(
                s.id(),
                s.name(),
                s.amount(),
                s.recipients(),
                s.faction(),
                accounts,
                s.schedule(),
                s.timeOfDay(),
                s.startDate(),
                s.endDate(),
                s.onceAt() == null ? null : Timestamps.iso(s.onceAt()),
                s.catchUp(),
                s.paused(),
                zone.getId(),
                next == null ? null : Timestamps.iso(next),
                s.createdBy(),
                Timestamps.iso(s.createdAt()),
                Timestamps.iso(s.updatedAt()));
    }

    /** A processed slot: paid (with how many and how much, and who was skipped as frozen) or skipped as late. */
    public record SlotView(
            String slotAt, String localTime, String status, int paidCount, Credits total, List<String> skippedFrozen) {
        static SlotView of(StipendDao.Slot s, ZoneId zone) {
            return new SlotView(
                    Timestamps.iso(s.slotAt()),
                    Instant.ofEpochMilli(s.slotAt())
                            .atZone(zone)
                            .toLocalDateTime()
                            .toString(),
                    s.status(),
                    s.paidCount(),
                    s.total(),
                    s.skippedFrozen().isEmpty()
                            ? List.of()
                            : Arrays.asList(s.skippedFrozen().split(",")));
        }
    }
}
