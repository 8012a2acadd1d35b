package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Test helpers for terminals: GM-made keys, terminal requests, and the books seen from inside. */
final class Terminals {
    /** A key as its GM got it: id and the key itself. */
    record Key(long id, String value, String accountNumber) {}

    final Api api;
    final Database db;
    final Api.Session gm;

    Terminals(DropwizardAppExtension<NeoBankConfiguration> app) {
        this.api = TestApp.api(app);
        this.db = ((NeoBankApplication) app.getApplication()).database();
        this.gm = api.gm();
    }

    Api.Res createKey(String json) {
        return api.post("/api/admin/api-keys", gm.token(), json);
    }

    Key keyWith(String accountNumber, String extra, String... scopes) {
        String list = Arrays.stream(scopes).map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        Api.Res r = createKey("{\"description\":\"test stall\",\"account_number\":\"" + accountNumber
                + "\",\"scopes\":[" + list + "]" + (extra.isEmpty() ? "" : "," + extra) + "}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return new Key(
                r.json().at("/api_key/id").asLong(),
                r.json().at("/api_key/key_value").asText(),
                accountNumber);
    }

    Key key(String accountNumber, String... scopes) {
        return keyWith(accountNumber, "", scopes);
    }

    Api.Res charge(Key key, String json, String... headers) {
        String[] all = Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "X-API-Key";
        all[headers.length + 1] = key.value();
        return api.post("/api/v1/external/transactions", null, json, all);
    }

    static String move(String from, String to, String amount) {
        return "{\"from_account\":\"" + from + "\",\"to_account\":\"" + to + "\",\"amount\":" + amount + "}";
    }

    Api.Res balance(Key key, String accountNumber) {
        return api.send(
                api.builder("/api/v1/external/account/" + accountNumber + "/balance", null, "X-API-Key", key.value())
                        .GET());
    }

    long journalRows() {
        return db.reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions")
                        .mapTo(Long.class)
                        .one());
    }

    /** Journal rows from this account carrying this idempotency key. */
    long journalRows(String fromAccount, String idempotencyKey) {
        return db.reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions t JOIN accounts a "
                                + "ON a.id = t.from_account_id WHERE a.account_number = :n AND t.idempotency_key = :k")
                        .bind("n", fromAccount)
                        .bind("k", idempotencyKey)
                        .mapTo(Long.class)
                        .one());
    }

    long balanceOf(String accountNumber) {
        return db.reads()
                .withHandle(h -> h.createQuery("SELECT balance FROM accounts WHERE account_number = :n")
                        .bind("n", accountNumber)
                        .mapTo(Long.class)
                        .one());
    }

    void assertBooksBalance() {
        LedgerVerifier.Report report = db.snapshot(LedgerVerifier::verify);
        assertThat(report.violation()).isNull();
        assertThat(report.ok()).isTrue();
    }
}
