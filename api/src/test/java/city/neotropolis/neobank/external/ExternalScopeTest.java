package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A terminal's key does only what its scopes allow")
class ExternalScopeTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static Terminals t;
    /** The key's own account (a vendor), another vendor, and two players. */
    static String own;

    static String otherVendor;
    static String player;
    static String otherPlayer;
    static Map<String, Terminals.Key> keys;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
        own = t.api.player("Stall").accountNumber();
        otherVendor = t.api.player("OtherStall").accountNumber();
        player = t.api.player("Buyer").accountNumber();
        otherPlayer = t.api.player("Friend").accountNumber();
        keys = Map.of(
                "balance:read",
                t.key(own, "balance:read"),
                "charge",
                t.key(own, "charge"),
                "payout",
                t.key(own, "payout"),
                "transfer:any",
                t.key(own, "transfer:any"));
    }

    /** One thing a terminal may try, and the scopes that allow it. */
    enum Op {
        BALANCE_OWN(Set.of("balance:read")),
        BALANCE_OTHER(Set.of("balance:read")),
        CHARGE_PLAYER_INTO_OWN(Set.of("charge", "transfer:any")),
        CHARGE_PLAYER_TO_OMITTED(Set.of("charge", "transfer:any")),
        PAY_OUT_OF_OWN(Set.of("payout", "transfer:any")),
        CHARGE_PLAYER_INTO_OTHER_VENDOR(Set.of("transfer:any")),
        PAY_OUT_OF_OTHER_VENDOR(Set.of("transfer:any")),
        MOVE_BETWEEN_PLAYERS(Set.of("transfer:any"));

        final Set<String> allowedBy;

        Op(Set<String> allowedBy) {
            this.allowedBy = allowedBy;
        }
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (String scope : List.of("balance:read", "charge", "payout", "transfer:any")) {
            for (Op op : Op.values()) {
                all.add(Arguments.of(scope, op, op.allowedBy.contains(scope)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} × {1} → allowed: {2}")
    @MethodSource("matrix")
    @DisplayName("scope × route × own/other account")
    void matrix(String scope, Op op, boolean allowed) {
        Terminals.Key key = keys.get(scope);
        long rows = t.journalRows();
        Map<String, Long> before = balances();
        Api.Res r = switch (op) {
            case BALANCE_OWN -> t.balance(key, own);
            case BALANCE_OTHER -> t.balance(key, player);
            case CHARGE_PLAYER_INTO_OWN -> t.charge(key, Terminals.move(player, own, "1.25"));
            case CHARGE_PLAYER_TO_OMITTED -> t.charge(key, "{\"from_account\":\"" + player + "\",\"amount\":1.25}");
            case PAY_OUT_OF_OWN -> t.charge(key, Terminals.move(own, player, "1.25"));
            case CHARGE_PLAYER_INTO_OTHER_VENDOR -> t.charge(key, Terminals.move(player, otherVendor, "1.25"));
            case PAY_OUT_OF_OTHER_VENDOR -> t.charge(key, Terminals.move(otherVendor, player, "1.25"));
            case MOVE_BETWEEN_PLAYERS -> t.charge(key, Terminals.move(player, otherPlayer, "1.25"));
        };
        boolean read = op == Op.BALANCE_OWN || op == Op.BALANCE_OTHER;
        if (!allowed) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.json().get("error").asText()).isNotBlank();
            assertThat(t.journalRows()).isEqualTo(rows);
            assertThat(balances()).isEqualTo(before);
            return;
        }
        if (read) {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            String account = op == Op.BALANCE_OWN ? own : player;
            assertThat(r.json().get("account_number").asText()).isEqualTo(account);
            assertThat(r.json().get("balance").decimalValue().movePointRight(2).longValueExact())
                    .isEqualTo(before.get(account));
            assertThat(t.journalRows()).isEqualTo(rows);
            return;
        }
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().get("message").asText()).isNotBlank();
        assertThat(r.json().at("/transaction/type").asText()).isEqualTo("external");
        assertThat(r.json().at("/transaction/amount").decimalValue()).isEqualByComparingTo("1.25");
        String from = r.json().at("/transaction/from_account").asText();
        String to = r.json().at("/transaction/to_account").asText();
        assertThat(t.journalRows()).isEqualTo(rows + 1);
        Map<String, Long> after = balances();
        assertThat(after.get(from)).isEqualTo(before.get(from) - 125);
        assertThat(after.get(to)).isEqualTo(before.get(to) + 125);
        String actor = t.db.reads()
                .withHandle(h -> h.createQuery("SELECT actor FROM transactions WHERE id = :id")
                        .bind("id", r.json().at("/transaction/id").asLong())
                        .mapTo(String.class)
                        .one());
        assertThat(actor).isEqualTo("key:" + key.id());
        t.assertBooksBalance();
    }

    private static Map<String, Long> balances() {
        return Map.of(
                own,
                t.balanceOf(own),
                otherVendor,
                t.balanceOf(otherVendor),
                player,
                t.balanceOf(player),
                otherPlayer,
                t.balanceOf(otherPlayer));
    }

    @Nested
    @DisplayName("with several scopes")
    class Combined {
        @Test
        @DisplayName("charge + payout still cannot move between two players")
        void stillBound() {
            Terminals.Key key = t.key(own, "charge", "payout");
            long rows = t.journalRows();
            assertThat(t.charge(key, Terminals.move(player, otherPlayer, "1")).status())
                    .isEqualTo(403);
            assertThat(t.charge(key, Terminals.move(player, own, "1")).status()).isEqualTo(201);
            assertThat(t.charge(key, Terminals.move(own, player, "1")).status()).isEqualTo(201);
            assertThat(t.journalRows()).isEqualTo(rows + 2);
        }

        @Test
        @DisplayName("a legacy client may send the key as api_key in the body")
        void legacyBodyKey() {
            Terminals.Key key = t.key(own, "charge");
            long rows = t.journalRows();
            Api.Res r = t.api.post(
                    "/api/v1/external/transactions",
                    null,
                    "{\"api_key\":\"" + key.value() + "\",\"from_account\":\"" + player + "\",\"to_account\":\"" + own
                            + "\",\"amount\":1}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(t.journalRows()).isEqualTo(rows + 1);
        }

        @Test
        @DisplayName("no key may touch the mint or the house, not even transfer:any")
        void systemAccounts() {
            Terminals.Key key = t.key(own, "transfer:any", "balance:read");
            long rows = t.journalRows();
            Api.Res mint = t.charge(key, Terminals.move("NC-SYST-EM00", own, "1000"));
            assertThat(mint.status()).isEqualTo(400);
            assertThat(mint.json().get("error").asText()).contains("cannot be charged");
            Api.Res house = t.charge(key, Terminals.move(own, "NC-CASA-0000", "1"));
            assertThat(house.status()).isEqualTo(400);
            assertThat(house.json().get("error").asText()).contains("cannot be paid by a terminal");
            assertThat(t.balance(key, "NC-SYST-EM00").status()).isEqualTo(404);
            assertThat(t.journalRows()).isEqualTo(rows);
        }
    }
}
