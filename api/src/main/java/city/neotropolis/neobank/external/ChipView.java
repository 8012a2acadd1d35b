package city.neotropolis.neobank.external;

import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;

/** A chip as its player or a GM sees it: never the UID (the service does not know it). */
public record ChipView(
        long id,
        String label,
        String accountNumber,
        Credits perChargeLimit,
        Credits perDayLimit,
        Credits spentToday,
        boolean blocked,
        String createdAt,
        String lastUsed,
        String createdBy) {

    static ChipView of(ChipDao.Row c, String today) {
        return new ChipView(
                c.id(),
                c.label(),
                c.accountNumber(),
                new Credits(c.perChargeLimit()),
                new Credits(c.perDayLimit()),
                new Credits(today.equals(c.spentDay()) ? c.spentToday() : 0),
                c.blocked(),
                Timestamps.iso(c.createdAt()),
                c.lastUsed() == null ? null : Timestamps.iso(c.lastUsed()),
                c.createdBy());
    }
}
