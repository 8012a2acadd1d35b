package city.neotropolis.layeringfixture.accounts;

import city.neotropolis.layeringfixture.ledger.Book;

/** Fixture for the layering test: the other half of the deliberate cycle. */
public final class Owner {
    public Book book() {
        return new Book();
    }
}
