package city.neotropolis.neobank.web;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Refusals that say exactly what is wrong, and nothing a player should not learn. */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Refusals say what is wrong, and no more")
class PlainAnswersTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));
    static Api api;
    static Api.Session payer;
    static Api.Session other;

    @BeforeAll
    static void players() {
        api = TestApp.api(APP);
        payer = api.player("payer");
        other = api.player("other");
    }

    static void refused(Api.Res r, int status, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("error").asText()).isEqualTo(message);
    }

    @Test
    @DisplayName("an amount written 1.000 or 1e-2 is refused saying why, and nothing moves")
    void amountsAsWritten() {
        long before = api.balance(payer);
        refused(
                api.post(
                        "/api/v1/transactions",
                        payer.token(),
                        "{\"to_account\":\"" + other.accountNumber() + "\",\"amount\":1.000}"),
                400,
                "amount: amount must have at most 2 decimals");
        refused(
                api.post(
                        "/api/v1/transactions",
                        payer.token(),
                        "{\"to_account\":\"" + other.accountNumber() + "\",\"amount\":1e-2}"),
                400,
                "amount: amount must be written without an exponent, like 0.01 or 100");
        assertThat(api.balance(payer)).isEqualTo(before);
        Api.Res ok = api.post(
                "/api/v1/transactions",
                payer.token(),
                "{\"to_account\":\"" + other.accountNumber() + "\",\"amount\":0.01}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("a payout of 96.5 % is refused as not a whole percent")
    void wholePercent() {
        Api.Session gm = api.gm();
        refused(
                api.put("/api/admin/casino/config/glitch_grid", gm.token(), "{\"payout_percentage\":96.5}"),
                400,
                "payout_percentage must be a whole percent, like 96");
    }

    @Test
    @DisplayName("a spin id that is not a number is a 404 Spin not found, like an unknown one")
    void spinIdNotANumber() {
        refused(api.get("/api/v1/casino/spins/abc", payer.token()), 404, "Spin not found");
        refused(api.get("/api/v1/casino/spins/999999999", payer.token()), 404, "Spin not found");
    }

    @Test
    @DisplayName("a payment to a frozen account says only that it cannot receive payments")
    void frozenRecipient() {
        Api.Session cold = api.player("cold");
        APP.<NeoBankApplication>getApplication()
                .database()
                .writer()
                .write(s -> s.handle()
                        .createUpdate("UPDATE accounts SET frozen = TRUE WHERE account_number = :n")
                        .bind("n", cold.accountNumber())
                        .execute());
        Api.Res r = api.post(
                "/api/v1/transactions",
                payer.token(),
                "{\"to_account\":\"" + cold.accountNumber() + "\",\"amount\":5}");
        refused(r, 400, "Account " + cold.accountNumber() + " cannot receive payments");
        assertThat(r.body()).doesNotContainIgnoringCase("frozen");
    }
}
