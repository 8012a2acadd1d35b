package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.money.Credits;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A journal row as the API shows it. {@code reversalOf} (on a reversal: the row it undoes) and
 * {@code reversedBy} (on a reversed row: its reversal) link the two both ways; absent otherwise.
 */
public record TxView(
        long id,
        String fromAccount,
        String fromName,
        String toAccount,
        String toName,
        Credits amount,
        String memo,
        String timestamp,
        TxType type,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long reversalOf,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long reversedBy) {

    /** A row that is not part of a reversal. */
    public TxView(
            long id,
            String fromAccount,
            String fromName,
            String toAccount,
            String toName,
            Credits amount,
            String memo,
            String timestamp,
            TxType type) {
        this(id, fromAccount, fromName, toAccount, toName, amount, memo, timestamp, type, null, null);
    }
}
