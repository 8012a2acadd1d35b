package city.neotropolis.neobank;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("The service starts on a fresh PostgreSQL database")
class PostgresSmokeTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres();

    @Test
    @DisplayName("with the same migrations, and moves money through the same ledger")
    void transfer() {
        Api api = TestApp.api(APP);
        assertThat(api.get("/health", null).status()).isEqualTo(200);
        Api.Session a = api.player("pgA");
        Api.Session b = api.player("pgB");
        Api.Res r = api.post(
                "/api/v1/transactions",
                a.token(),
                "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":\"10.25\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(api.balance(a)).isEqualTo(100000 - 1025);
        assertThat(api.balance(b)).isEqualTo(100000 + 1025);
    }
}
