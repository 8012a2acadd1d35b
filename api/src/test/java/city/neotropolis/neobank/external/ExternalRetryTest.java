package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Terminals on flaky Wi-Fi")
class ExternalRetryTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static Terminals t;
    static String stall;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
        stall = t.api.player("RetryStall").accountNumber();
    }

    @Nested
    @DisplayName("retrying with an Idempotency-Key")
    class Retries {
        @Test
        @DisplayName("replays the stored answer and moves nothing again")
        void replay() {
            Terminals.Key key = t.key(stall, "charge");
            String buyer = t.api.player("Retry").accountNumber();
            String body = Terminals.move(buyer, stall, "12.5");
            Api.Res first = t.charge(key, body, "Idempotency-Key", "sale-0001");
            long rows = t.journalRows();
            Api.Res again = t.charge(key, body, "Idempotency-Key", "sale-0001");
            assertThat(first.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(t.journalRows()).isEqualTo(rows);
            assertThat(t.balanceOf(buyer)).isEqualTo(100_000 - 1250);
        }

        @Test
        @DisplayName("the same key with a different body is a 422 and moves nothing")
        void differentBody() {
            Terminals.Key key = t.key(stall, "charge");
            String buyer = t.api.player("Retry").accountNumber();
            assertThat(t.charge(key, Terminals.move(buyer, stall, "1"), "Idempotency-Key", "k-1")
                            .status())
                    .isEqualTo(201);
            long rows = t.journalRows();
            Api.Res other = t.charge(key, Terminals.move(buyer, stall, "2"), "Idempotency-Key", "k-1");
            assertThat(other.status()).isEqualTo(422);
            assertThat(t.journalRows()).isEqualTo(rows);
        }

        @Test
        @DisplayName("each key has its own idempotency space")
        void perKey() {
            Terminals.Key a = t.key(stall, "charge");
            Terminals.Key b = t.key(stall, "charge");
            String buyer = t.api.player("Retry").accountNumber();
            assertThat(t.charge(a, Terminals.move(buyer, stall, "1"), "Idempotency-Key", "shared")
                            .status())
                    .isEqualTo(201);
            Api.Res other = t.charge(b, Terminals.move(buyer, stall, "1"), "Idempotency-Key", "shared");
            assertThat(other.status()).isEqualTo(201);
            assertThat(other.header("Idempotent-Replayed")).isNull();
            assertThat(t.balanceOf(buyer)).isEqualTo(100_000 - 200);
        }

        @Test
        @DisplayName("20 identical requests at once make exactly one movement")
        void storm() throws Exception {
            Storm.chargeOnce(t, stall);
        }

        @Test
        @DisplayName("the storm stays one movement for a player with a PIN")
        void stormWithPin() throws Exception {
            Terminals.Key key = t.key(stall, "charge");
            Api.Session buyer = t.api.player("StormPin");
            assertThat(t.api.put(
                                    "/api/v1/account/pin",
                                    buyer.token(),
                                    "{\"pin\":\"8642\",\"current_password\":\"password1\"}")
                            .status())
                    .isEqualTo(200);
            String body = "{\"from_account\":\"" + buyer.accountNumber() + "\",\"amount\":3,\"pin\":\"8642\"}";
            Storm.Result result = Storm.fire(20, () -> t.charge(key, body, "Idempotency-Key", "storm-pin"));
            result.assertOneMovement();
            assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(100_000 - 300);
            // Nobody guessed: the right PIN in a storm must not count towards a lockout.
            assertThat(t.charge(key, body, "Idempotency-Key", "after-storm").status())
                    .isEqualTo(201);
        }
    }

    @Nested
    @DisplayName("revoking a key")
    class Revocation {
        @Test
        @DisplayName("takes effect on the very next request")
        void nextRequest() {
            Terminals.Key key = t.key(stall, "charge", "balance:read");
            String buyer = t.api.player("Rev").accountNumber();
            assertThat(t.balance(key, buyer).status()).isEqualTo(200);
            assertThat(t.charge(key, Terminals.move(buyer, stall, "1")).status())
                    .isEqualTo(201);
            assertThat(t.api.delete("/api/admin/api-keys/" + key.id(), t.gm.token())
                            .status())
                    .isEqualTo(200);
            long rows = t.journalRows();
            Api.Res charge = t.charge(key, Terminals.move(buyer, stall, "1"));
            assertThat(charge.status()).isEqualTo(401);
            assertThat(charge.json().get("error").asText()).contains("revoked");
            assertThat(t.balance(key, buyer).status()).isEqualTo(401);
            assertThat(t.journalRows()).isEqualTo(rows);
        }

        @Test
        @DisplayName("stops money at once even where the key is still cached (another replica revoked it)")
        void cachedElsewhere() {
            Terminals.Key key = t.key(stall, "charge");
            String buyer = t.api.player("Rev").accountNumber();
            assertThat(t.charge(key, Terminals.move(buyer, stall, "1")).status())
                    .isEqualTo(201);
            t.db.writer()
                    .write(s -> s.handle()
                            .createUpdate("UPDATE api_keys SET is_active = FALSE WHERE id = :id")
                            .bind("id", key.id())
                            .execute());
            long rows = t.journalRows();
            long balance = t.balanceOf(buyer);
            assertThat(t.charge(key, Terminals.move(buyer, stall, "1")).status())
                    .isEqualTo(401);
            assertThat(t.journalRows()).isEqualTo(rows);
            assertThat(t.balanceOf(buyer)).isEqualTo(balance);
        }
    }

    @Nested
    @DisplayName("limits per key")
    class Limits {
        @Test
        @DisplayName("past its rate_limit_per_minute a key gets 429 with Retry-After; other keys on the same IP do not")
        void rate() {
            Terminals.Key slow = t.keyWith(stall, "\"rate_limit_per_minute\":3", "balance:read");
            Terminals.Key other = t.key(stall, "balance:read");
            for (int i = 0; i < 3; i++) {
                assertThat(t.balance(slow, stall).status()).isEqualTo(200);
            }
            Api.Res limited = t.balance(slow, stall);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(limited.json().get("error").asText()).isNotBlank();
            String buyer = t.api.player("Rate").accountNumber();
            long rows = t.journalRows();
            assertThat(t.charge(slow, Terminals.move(buyer, stall, "1")).status())
                    .isEqualTo(429);
            assertThat(t.journalRows()).isEqualTo(rows);
            assertThat(t.balance(other, stall).status()).isEqualTo(200);
        }

        @Test
        @DisplayName("max_amount caps each transaction")
        void maxAmount() {
            Terminals.Key key = t.keyWith(stall, "\"max_amount\":25", "charge");
            String buyer = t.api.player("Max").accountNumber();
            long rows = t.journalRows();
            Api.Res over = t.charge(key, Terminals.move(buyer, stall, "25.01"));
            assertThat(over.status()).isEqualTo(400);
            assertThat(over.json().get("error").asText()).contains("25");
            assertThat(t.journalRows()).isEqualTo(rows);
            assertThat(t.charge(key, Terminals.move(buyer, stall, "25")).status())
                    .isEqualTo(201);
        }
    }
}
