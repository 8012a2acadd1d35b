package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A player's terminal PIN")
class TerminalPinTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static Terminals t;
    static String stall;
    static Terminals.Key charge;
    Api.Session buyer;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
        stall = t.api.player("PinStall").accountNumber();
        charge = t.key(stall, "charge", "payout");
    }

    @BeforeEach
    void buyer() {
        buyer = t.api.player("PinBuyer");
    }

    Api.Res setPin(String pin, String password) {
        return t.api.put(
                "/api/v1/account/pin",
                buyer.token(),
                "{\"pin\":" + pin + ",\"current_password\":\"" + password + "\"}");
    }

    Api.Res chargeWith(String pinField) {
        return t.charge(
                charge,
                "{\"from_account\":\"" + buyer.accountNumber() + "\",\"to_account\":\"" + stall + "\",\"amount\":2"
                        + pinField + "}");
    }

    @Nested
    @DisplayName("setting it")
    class Setting {
        @Test
        @DisplayName("takes 4 to 6 digits and the account password, and stores only a hash")
        void set() {
            Api.Res r = setPin("\"0420\"", "password1");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("pin_set").asBoolean()).isTrue();
            String hash = t.db.reads()
                    .withHandle(h -> h.createQuery("SELECT p.pin_hash FROM terminal_pins p "
                                    + "JOIN accounts a ON a.id = p.account_id WHERE a.account_number = :n")
                            .bind("n", buyer.accountNumber())
                            .mapTo(String.class)
                            .one());
            assertThat(hash).startsWith("$2a$").doesNotContain("0420");
            assertThat(setPin("\"123456\"", "password1").status()).isEqualTo(200);
        }

        @ParameterizedTest(name = "pin {0}")
        @ValueSource(strings = {"\"123\"", "\"1234567\"", "\"12a4\"", "\"12 34\"", "1234", "null", "\"١٢٣٤\""})
        @DisplayName("refuses anything but 4 to 6 digits in a string")
        void shape(String pin) {
            Api.Res r = setPin(pin, "password1");
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(chargeWith("").status()).isEqualTo(201);
        }

        @Test
        @DisplayName("refuses a wrong or missing password and leaves charges PIN-free")
        void password() {
            assertThat(setPin("\"1234\"", "wrong-password").status()).isEqualTo(400);
            assertThat(t.api.put("/api/v1/account/pin", buyer.token(), "{\"pin\":\"1234\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(t.api.put("/api/v1/account/pin", null, "{\"pin\":\"1234\",\"current_password\":\"password1\"}")
                            .status())
                    .isEqualTo(401);
            assertThat(chargeWith("").status()).isEqualTo(201);
        }

        @Test
        @DisplayName("can be removed with an empty pin")
        void remove() {
            assertThat(setPin("\"1234\"", "password1").status()).isEqualTo(200);
            assertThat(chargeWith("").status()).isEqualTo(400);
            Api.Res r = setPin("\"\"", "password1");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("pin_set").asBoolean()).isFalse();
            assertThat(chargeWith("").status()).isEqualTo(201);
        }
    }

    @Nested
    @DisplayName("charging with it")
    class Charging {
        @BeforeEach
        void pin() {
            assertThat(setPin("\"2468\"", "password1").status()).isEqualTo(200);
        }

        @Test
        @DisplayName("a charge without the PIN is refused and moves nothing")
        void missing() {
            long balance = t.balanceOf(buyer.accountNumber());
            Api.Res r = chargeWith("");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("PIN");
            assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(balance);
        }

        @Test
        @DisplayName("a charge with the right PIN goes through")
        void right() {
            long balance = t.balanceOf(buyer.accountNumber());
            assertThat(chargeWith(",\"pin\":\"2468\"").status()).isEqualTo(201);
            assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(balance - 200);
        }

        @Test
        @DisplayName("a payout to the player needs no PIN")
        void payout() {
            assertThat(t.charge(charge, Terminals.move(stall, buyer.accountNumber(), "1"))
                            .status())
                    .isEqualTo(201);
        }

        @Test
        @DisplayName("five wrong PINs lock terminal charges for 15 minutes, even with the right PIN")
        void lockout() {
            long balance = t.balanceOf(buyer.accountNumber());
            for (int i = 1; i <= 4; i++) {
                Api.Res r = chargeWith(",\"pin\":\"0000\"");
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.json().get("error").asText()).contains("Wrong PIN").contains((5 - i) + " attempt");
            }
            Api.Res fifth = chargeWith(",\"pin\":\"0000\"");
            assertThat(fifth.status()).isEqualTo(429);
            Api.Res locked = chargeWith(",\"pin\":\"2468\"");
            assertThat(locked.status()).isEqualTo(429);
            assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
            assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(balance);
            Long until = t.db.reads()
                    .withHandle(h -> h.createQuery("SELECT p.locked_until FROM terminal_pins p "
                                    + "JOIN accounts a ON a.id = p.account_id WHERE a.account_number = :n")
                            .bind("n", buyer.accountNumber())
                            .mapTo(Long.class)
                            .one());
            assertThat(until - System.currentTimeMillis()).isBetween(14 * 60_000L, 15 * 60_000L);

            // Fifteen minutes later (the lock's end moved into the past), the right PIN works again.
            t.db.writer()
                    .write(s -> s.handle()
                            .createUpdate("UPDATE terminal_pins SET locked_until = :past "
                                    + "WHERE account_id = (SELECT id FROM accounts WHERE account_number = :n)")
                            .bind("past", System.currentTimeMillis() - 1)
                            .bind("n", buyer.accountNumber())
                            .execute());
            assertThat(chargeWith(",\"pin\":\"2468\"").status()).isEqualTo(201);
        }

        @Test
        @DisplayName("ten guesses at once cannot get past the count of five")
        void concurrentGuesses() throws Exception {
            long balance = t.balanceOf(buyer.accountNumber());
            Storm.Result guesses = Storm.fire(10, () -> chargeWith(",\"pin\":\"1111\""));
            assertThat(guesses.answers()).allSatisfy(r -> assertThat(r.status()).isIn(400, 409, 429));
            long wrongAndCounted =
                    guesses.answers().stream().filter(r -> r.status() == 400).count();
            assertThat(wrongAndCounted).isLessThanOrEqualTo(TerminalPins.MAX_FAILURES - 1);
            for (int i = 0; i < TerminalPins.MAX_FAILURES; i++) {
                chargeWith(",\"pin\":\"1111\"");
            }
            assertThat(chargeWith(",\"pin\":\"2468\"").status()).isEqualTo(429);
            assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(balance);
        }

        @Test
        @DisplayName("a right PIN resets the count of wrong ones")
        void reset() {
            for (int i = 0; i < 4; i++) {
                assertThat(chargeWith(",\"pin\":\"1111\"").status()).isEqualTo(400);
            }
            assertThat(chargeWith(",\"pin\":\"2468\"").status()).isEqualTo(201);
            Api.Res again = chargeWith(",\"pin\":\"1111\"");
            assertThat(again.status()).isEqualTo(400);
            assertThat(again.json().get("error").asText()).contains("4 attempts");
        }

        @Test
        @DisplayName("setting the PIN again with the password lifts a lockout")
        void unlock() {
            for (int i = 0; i < 5; i++) {
                chargeWith(",\"pin\":\"9999\"");
            }
            assertThat(chargeWith(",\"pin\":\"2468\"").status()).isEqualTo(429);
            assertThat(setPin("\"1357\"", "password1").status()).isEqualTo(200);
            assertThat(chargeWith(",\"pin\":\"1357\"").status()).isEqualTo(201);
        }

        @Test
        @DisplayName("a lockout is the player's alone: other players are still charged")
        void othersUnaffected() {
            for (int i = 0; i < 5; i++) {
                chargeWith(",\"pin\":\"9999\"");
            }
            Api.Session other = t.api.player("PinOther");
            assertThat(t.charge(charge, Terminals.move(other.accountNumber(), stall, "1"))
                            .status())
                    .isEqualTo(201);
        }
    }
}
