package city.neotropolis.neobank.stipends;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.Posting;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import com.google.common.base.Throwables;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pays what is due. Each slot is one write unit that first claims the slot's row (primary key
 * stipend + slot time) and then posts one {@code stipend} row from the mint per recipient: a second
 * replica racing for the same slot fails on the key and rolls back whole, a crash mid-payout leaves
 * nothing, and the next run pays the slot (or skips it, per the stipend's catch_up when it is late).
 */
public final class StipendPayer {
    private static final Logger LOG = LoggerFactory.getLogger(StipendPayer.class);
    public static final String ACTOR = "system:stipends";

    /** What one run did. */
    public record Run(int slotsPaid, int slotsSkipped, int paymentsMade) {}

    private final Database db;
    private final Ledger ledger;
    private final AuditLog audit;
    private final ZoneId zone;
    private final long lateAfterMillis;

    public StipendPayer(Database db, Ledger ledger, AuditLog audit, ZoneId zone, long lateAfterMillis) {
        this.db = db;
        this.ledger = ledger;
        this.audit = audit;
        this.zone = zone;
        this.lateAfterMillis = lateAfterMillis;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Pays (or skips) every slot due at {@code now} that no run, here or on another replica, has processed. */
    public Run runDue(long now) {
        int paid = 0;
        int skipped = 0;
        int payments = 0;
        List<Stipend> running = db.reads().withExtension(StipendDao.class, StipendDao::running);
        for (Stipend s : running) {
            Set<Long> done = new HashSet<>(
                    db.reads().withExtension(StipendDao.class, d -> d.processedSince(s.id(), s.activeFrom())));
            for (long slot : Slots.between(s, zone, s.activeFrom(), now)) {
                if (done.contains(slot)) {
                    continue;
                }
                boolean skip = Stipend.SKIP.equals(s.catchUp()) && now - slot > lateAfterMillis;
                try {
                    Integer n = db.writer().write(w -> settle(w, s.id(), slot, skip, now));
                    if (n == null) {
                        continue;
                    }
                    if (skip) {
                        skipped++;
                    } else {
                        paid++;
                        payments += n;
                    }
                } catch (RuntimeException e) {
                    if (isSlotTaken(e)) {
                        LOG.debug("Stipend {} slot {} was processed by another instance", s.id(), slot);
                        continue;
                    }
                    throw e;
                }
            }
        }
        return new Run(paid, skipped, payments);
    }

    /** One slot in one unit; null when the stipend stopped running meanwhile. */
    private Integer settle(WriteSession w, long stipendId, long slot, boolean skip, long now) throws SQLException {
        StipendDao dao = w.dao(StipendDao.class);
        Stipend s = dao.byId(stipendId).filter(Stipend::running).orElse(null);
        if (s == null || !Slots.between(s, zone, s.activeFrom(), now).contains(slot)) {
            return null;
        }
        dao.claimSlot(s.id(), slot, skip ? "skipped" : "paid", now);
        if (skip) {
            audit.record(w, ACTOR, "stipend_slot_skipped", s.name(), "stipend=#" + s.id() + " slot=" + slot);
            return 0;
        }
        List<StipendDao.Recipient> recipients = switch (s.recipients()) {
            case Stipend.ALL -> dao.everyPlayer();
            case Stipend.FACTION -> dao.faction(s.faction());
            default -> dao.listed(s.id());
        };
        long mint = ledger.system().mintId();
        List<String> frozen = new ArrayList<>();
        int n = 0;
        for (StipendDao.Recipient r : recipients) {
            if (r.frozen()) {
                frozen.add(r.accountNumber());
                continue;
            }
            Posting p = ledger.post(
                    w, Movement.of(mint, r.id(), s.amount(), TxType.STIPEND, s.name(), ACTOR + ":#" + s.id()));
            dao.payout(s.id(), slot, r.id(), p.transaction().id());
            n++;
        }
        Credits total = s.amount().times(n);
        dao.settleSlot(s.id(), slot, n, total, String.join(",", frozen));
        audit.record(
                w,
                ACTOR,
                "stipend_paid",
                s.name(),
                "stipend=#" + s.id() + " slot=" + slot + " paid=" + n + " total=" + total
                        + (frozen.isEmpty() ? "" : " skipped_frozen=" + String.join(",", frozen)));
        return n;
    }

    private static boolean isSlotTaken(Throwable e) {
        return Throwables.getCausalChain(e).stream()
                .anyMatch(c -> c instanceof SQLException x
                        && ("23505".equals(x.getSQLState())
                                || String.valueOf(x.getMessage()).contains("stipend_slots")));
    }
}
