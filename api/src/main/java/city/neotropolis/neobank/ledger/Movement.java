package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.money.Credits;

/**
 * One movement of credits to post: from, to, how much, why, and who asked. Movements made by GMs
 * may touch frozen accounts (to fix them); everyone else's may not.
 */
public record Movement(
        long fromId,
        long toId,
        Credits amount,
        TxType type,
        String memo,
        String actor,
        String idempotencyKey,
        boolean touchesFrozen) {
    /** The longest memo a journal row keeps, in characters. */
    public static final int MEMO_MAX = 140;

    public static Movement of(long fromId, long toId, Credits amount, TxType type, String memo, String actor) {
        return new Movement(fromId, toId, amount, type, memo, actor, null, false);
    }

    public Movement withIdempotencyKey(String key) {
        return new Movement(fromId, toId, amount, type, memo, actor, key, touchesFrozen);
    }

    public Movement byGm() {
        return new Movement(fromId, toId, amount, type, memo, actor, idempotencyKey, true);
    }
}
