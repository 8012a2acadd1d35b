package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Terminals on PostgreSQL")
class ExternalPostgresTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres();

    static Terminals t;
    static String stall;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
        stall = t.api.player("PgStall").accountNumber();
    }

    @Test
    @DisplayName("20 identical requests at once make exactly one movement")
    void storm() throws Exception {
        Storm.chargeOnce(t, stall);
    }

    @Test
    @DisplayName("scopes, PIN storage, revocation and last_used work the same")
    void sameRules() {
        Terminals.Key key = t.key(stall, "charge", "balance:read");
        Api.Session buyer = t.api.player("PgBuyer");
        assertThat(t.charge(key, Terminals.move(stall, buyer.accountNumber(), "1"))
                        .status())
                .isEqualTo(403);
        assertThat(t.api.put(
                                "/api/v1/account/pin",
                                buyer.token(),
                                "{\"pin\":\"1234\",\"current_password\":\"password1\"}")
                        .status())
                .isEqualTo(200);
        assertThat(t.charge(key, Terminals.move(buyer.accountNumber(), stall, "1"))
                        .status())
                .isEqualTo(400);
        assertThat(t.charge(key, "{\"from_account\":\"" + buyer.accountNumber() + "\",\"amount\":1,\"pin\":\"1234\"}")
                        .status())
                .isEqualTo(201);
        ApiKeyAuthenticator keys = new ApiKeyAuthenticator(t.db, java.time.Clock.systemUTC());
        keys.authenticate(key.value());
        keys.flushLastUsed();
        long lastUsed = t.db.reads()
                .withHandle(h -> h.createQuery("SELECT last_used FROM api_keys WHERE id = :id")
                        .bind("id", key.id())
                        .mapTo(Long.class)
                        .one());
        assertThat(lastUsed).isPositive();
        assertThat(t.api.delete("/api/admin/api-keys/" + key.id(), t.gm.token()).status())
                .isEqualTo(200);
        assertThat(t.balance(key, stall).status()).isEqualTo(401);
        t.assertBooksBalance();
    }
}
