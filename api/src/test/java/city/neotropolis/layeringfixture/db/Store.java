package city.neotropolis.layeringfixture.db;

import city.neotropolis.layeringfixture.web.Refusal;

/** Fixture for the layering test: the database layer throwing an HTTP refusal, the wrong way up. */
public final class Store {
    public void save() {
        throw new Refusal();
    }
}
