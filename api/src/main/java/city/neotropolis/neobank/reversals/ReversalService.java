package city.neotropolis.neobank.reversals;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.JournalDao;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.Posting;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import com.google.common.base.Throwables;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Set;

/**
 * A GM undoes a mistaken movement: one {@code reversal} row moving the same amount back, linked to
 * the original in the same write unit. The link's primary key on the original makes it at most once
 * per original, even when two GMs (or two replicas) press it at the same moment; the payer of the
 * reversal must still hold the credits (never a negative balance). Casino spins stand as played.
 */
public final class ReversalService {
    public static final int REASON_MAX = 140;
    private static final Set<TxType> NOT_REVERSIBLE = Set.of(TxType.CASINO_BET, TxType.CASINO_WIN, TxType.REVERSAL);

    /** The answer: the new reversal row and the original, each showing the link to the other. */
    public record Reversed(String message, TxView reversal, TxView original) {}

    private record Fingerprint(long transactionId, String reason) {}

    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Clock clock;

    public ReversalService(Ledger ledger, Idempotency idempotency, AuditLog audit, Clock clock) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
    }

    public Response reverse(Player gm, long transactionId, String rawReason, String idempotencyKey) {
        String reason = Input.text(rawReason, "reason", 1, REASON_MAX);
        try {
            return idempotency.run(
                    gm.principalKey(),
                    idempotencyKey,
                    "POST /api/admin/transactions/reverse",
                    new Fingerprint(transactionId, reason),
                    s -> new Idempotency.Reply(201, reverse(s, gm, transactionId, reason, idempotencyKey)));
        } catch (RuntimeException e) {
            if (isLinkTaken(e)) {
                // Another GM's reversal of the same row committed first; ours rolled back whole.
                throw ApiException.conflict("Transaction #" + transactionId + " has already been reversed");
            }
            throw e;
        }
    }

    private Reversed reverse(WriteSession s, Player gm, long id, String reason, String idempotencyKey)
            throws SQLException {
        ReversalDao dao = s.dao(ReversalDao.class);
        ReversalDao.Original o = dao.original(id).orElseThrow(() -> ApiException.notFound("Transaction not found"));
        if (o.type() == TxType.CASINO_BET || o.type() == TxType.CASINO_WIN) {
            throw ApiException.badRequest("Casino spins are not reversible: a spin stands as played "
                    + "(use adjust-balance to compensate a player)");
        }
        if (NOT_REVERSIBLE.contains(o.type())) {
            throw ApiException.badRequest("A reversal cannot itself be reversed");
        }
        Long already = dao.reversalOf(id).orElse(null);
        if (already != null) {
            throw ApiException.conflict("Transaction #" + id + " has already been reversed by #" + already);
        }
        if (o.toId() != ledger.system().mintId()) {
            ReversalDao.Holder payer = dao.holder(o.toId());
            if (payer.balance().compareTo(o.amount()) < 0) {
                throw ApiException.badRequest("Cannot reverse #" + id + ": " + payer.characterName() + " ("
                        + payer.accountNumber() + ") holds " + payer.balance() + " of the " + o.amount()
                        + " to move back; nothing moved");
            }
        }
        String memo = memo(id, reason);
        Posting p = ledger.post(
                s,
                Movement.of(o.toId(), o.fromId(), o.amount(), TxType.REVERSAL, memo, "gm:" + gm.characterName())
                        .withIdempotencyKey(idempotencyKey)
                        .byGm());
        dao.link(id, p.transaction().id(), reason, gm.characterName(), clock.millis());
        audit.record(
                s,
                gm.characterName(),
                "reverse_transaction",
                "#" + id,
                "reversal=#" + p.transaction().id() + " amount=" + o.amount() + " type="
                        + o.type().code() + " reason=" + reason);
        JournalDao journal = s.dao(JournalDao.class);
        TxView reversal = journal.byId(p.transaction().id()).orElseThrow();
        TxView original = journal.byId(id).orElseThrow();
        return new Reversed(
                "Transaction #" + id + " reversed: " + o.amount() + " moved back by #" + reversal.id(),
                reversal,
                original);
    }

    /** The reversal's memo names the original, then the GM's reason, within the journal's limit. */
    static String memo(long originalId, String reason) {
        String m = "Reversal of #" + originalId + ": " + reason;
        if (m.codePointCount(0, m.length()) <= Movement.MEMO_MAX) {
            return m;
        }
        return m.substring(0, m.offsetByCodePoints(0, Movement.MEMO_MAX - 1)) + "…";
    }

    private static boolean isLinkTaken(Throwable e) {
        return Throwables.getCausalChain(e).stream()
                .anyMatch(c -> c instanceof SQLException x
                        && ("23505".equals(x.getSQLState())
                                || String.valueOf(x.getMessage()).contains("reversals.original_id")));
    }
}
