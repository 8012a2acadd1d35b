package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.money.Credits;

/** A journal row as the API shows it. */
public record TxView(
        long id,
        String fromAccount,
        String fromName,
        String toAccount,
        String toName,
        Credits amount,
        String memo,
        String timestamp,
        TxType type) {}
