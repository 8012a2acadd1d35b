package city.neotropolis.layeringfixture.ledger;

import city.neotropolis.layeringfixture.accounts.Owner;

/** Fixture for the layering test: the ledger reaching up to accounts, which reach back (a cycle). */
public final class Book {
    public Owner owner() {
        return new Owner();
    }
}
