package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.money.Credits;

/** A posted movement: its journal row and both balances right after it. */
public record Posting(TxView transaction, Credits fromBalance, Credits toBalance) {}
