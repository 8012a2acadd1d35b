package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.support.Api;
import io.dropwizard.testing.junit5.DropwizardAppExtension;

/** Reads straight from the database of a running test app: what moved, what was recorded. */
final class CasinoFixture {
    private final DropwizardAppExtension<NeoBankConfiguration> app;

    CasinoFixture(DropwizardAppExtension<NeoBankConfiguration> app) {
        this.app = app;
    }

    Database db() {
        return ((NeoBankApplication) app.getApplication()).database();
    }

    long count(String table) {
        return db().reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                        .mapTo(Long.class)
                        .one());
    }

    long houseBalance() {
        return balanceOf("NC-CASA-0000");
    }

    long balanceOf(String accountNumber) {
        return db().reads()
                .withHandle(h -> h.createQuery("SELECT balance FROM accounts WHERE account_number = :n")
                        .bind("n", accountNumber)
                        .mapTo(Long.class)
                        .one());
    }

    String serverSeed(Api.Session player) {
        return db().reads()
                .withHandle(h -> h.createQuery("SELECT f.server_seed FROM casino_fairness f "
                                + "JOIN accounts a ON a.id = f.account_id WHERE a.account_number = :n")
                        .bind("n", player.accountNumber())
                        .mapTo(String.class)
                        .one());
    }

    /** Everything a refused request must leave as it was. */
    record State(long journal, long spins, long house, long player, long nonce) {}

    State state(Api.Session player) {
        long nonce = db().reads()
                .withHandle(h -> h.createQuery(
                                "SELECT COALESCE(MAX(f.nonce), -1) FROM "
                                        + "casino_fairness f JOIN accounts a ON a.id = f.account_id WHERE a.account_number = :n")
                        .bind("n", player.accountNumber())
                        .mapTo(Long.class)
                        .one());
        return new State(
                count("transactions"), count("casino_spins"), houseBalance(), balanceOf(player.accountNumber()), nonce);
    }
}
