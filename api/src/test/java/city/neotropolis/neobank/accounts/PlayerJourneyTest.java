package city.neotropolis.neobank.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("A player's journey through the bank")
class PlayerJourneyTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
            ConfigOverride.config("rateLimits.transfersPerPlayer.requests", "1000"),
            ConfigOverride.config("rateLimits.transfersPerPlayer.per", "1 minute"));

    final Api api = TestApp.api(APP);

    String transfer(Api.Session from, Api.Session to, String amount, String memo) {
        Api.Res r = api.post(
                "/api/v1/transactions",
                from.token(),
                "{\"to_account\":\"" + to.accountNumber() + "\",\"amount\":" + amount + ",\"memo\":\"" + memo + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.body();
    }

    @Nested
    @DisplayName("registering and logging in")
    class Registration {
        @Test
        @DisplayName("creates a character with the starting balance, issued from the mint as a journal row")
        void register() {
            String name = Api.uniqueName("Trinity");
            Api.Res r = api.post(
                    "/api/v1/auth/register",
                    null,
                    "{\"character_name\":\"  " + name + "  \",\"password\":\"password1\",\"faction\":\"Zion\"}");
            assertThat(r.status()).isEqualTo(201);
            JsonNode user = r.json().get("user");
            assertThat(user.get("character_name").asText()).isEqualTo(name);
            assertThat(user.get("account_number").asText()).matches("NC-[A-Z0-9]{4}-[A-Z0-9]{4}");
            assertThat(user.get("faction").asText())
                    .as("a faction named at sign-up is only a request a GM confirms")
                    .isEmpty();
            assertThat(user.get("balance").decimalValue()).isEqualByComparingTo("1000");
            assertThat(user.get("is_admin").asBoolean()).isFalse();
            assertThat(user.get("created_at").asText()).endsWith("Z");

            Api.Session s = api.login(name.toUpperCase(), "password1");
            JsonNode history =
                    api.get("/api/v1/account/transactions", s.token()).json().get("transactions");
            assertThat(history).hasSize(1);
            assertThat(history.get(0).get("type").asText()).isEqualTo("genesis");
            assertThat(history.get(0).get("from_account").asText()).isEqualTo("NC-SYST-EM00");
        }

        @Test
        @DisplayName("refuses a name already taken in any letter case")
        void duplicate() {
            Api.Session s = api.player("Morpheus");
            Api.Res r = api.post(
                    "/api/v1/auth/register",
                    null,
                    "{\"character_name\":\"" + s.name().toLowerCase() + "\",\"password\":\"password1\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).contains("taken");
        }

        @Test
        @DisplayName("answers an unknown name and a wrong password the same way")
        void sameAnswer() {
            Api.Session s = api.player("Cypher");
            Api.Res wrong = api.post(
                    "/api/v1/auth/login",
                    null,
                    "{\"character_name\":\"" + s.name() + "\",\"password\":\"not-the-password\"}");
            Api.Res unknown = api.post(
                    "/api/v1/auth/login",
                    null,
                    "{\"character_name\":\"nobody-at-all\",\"password\":\"not-the-password\"}");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(wrong.body()).isEqualTo(unknown.body());
        }
    }

    @Nested
    @DisplayName("sending credits")
    class Sending {
        @Test
        @DisplayName("moves them, shows the transfer in both histories and finds it by memo, name and number")
        void transferAndHistories() {
            Api.Session alice = api.player("Alice");
            Api.Session bob = api.player("Bob");
            Api.Res lookup = api.get("/api/v1/accounts/" + bob.accountNumber().toLowerCase(), alice.token());
            assertThat(lookup.status()).isEqualTo(200);
            assertThat(lookup.json().get("character_name").asText()).isEqualTo(bob.name());

            String reply = transfer(alice, bob, "\"12.50\"", "noodles at the night market");
            assertThat(reply).contains("\"new_balance\":987.5").contains("\"amount\":12.5");
            assertThat(api.balance(alice)).isEqualTo(98750);
            assertThat(api.balance(bob)).isEqualTo(101250);

            for (Api.Session s : List.of(alice, bob)) {
                JsonNode latest = api.get("/api/v1/account/transactions?limit=1", s.token())
                        .json()
                        .at("/transactions/0");
                assertThat(latest.get("from_name").asText()).isEqualTo(alice.name());
                assertThat(latest.get("to_name").asText()).isEqualTo(bob.name());
                assertThat(latest.get("memo").asText()).isEqualTo("noodles at the night market");
                assertThat(latest.get("type").asText()).isEqualTo("transfer");
                assertThat(latest.get("timestamp").asText()).endsWith("Z");
            }
            for (String q : List.of("NIGHT", bob.name(), bob.accountNumber())) {
                JsonNode found = api.get(
                                "/api/v1/account/transactions/search?q=" + q.replace(" ", "%20"), alice.token())
                        .json()
                        .get("transactions");
                assertThat(found).as(q).hasSize(1);
            }
            assertThat(api.get("/api/v1/account/transactions/search?q=%25", alice.token())
                            .json()
                            .get("transactions"))
                    .as("a % is searched literally")
                    .isEmpty();
        }

        @Test
        @DisplayName("pages through history with a cursor, newest first, without gaps or repeats")
        void paging() {
            Api.Session a = api.player("Pager");
            Api.Session b = api.player("Paged");
            for (int i = 1; i <= 7; i++) {
                transfer(i % 2 == 0 ? a : b, i % 2 == 0 ? b : a, "1", "tx " + i);
            }
            List<Long> ids = new ArrayList<>();
            String cursor = "";
            for (int page = 0; page < 10; page++) {
                JsonNode r = api.get("/api/v1/account/transactions?limit=3" + cursor, a.token())
                        .json();
                r.get("transactions").forEach(t -> ids.add(t.get("id").asLong()));
                if (r.get("next_cursor").isNull()) {
                    break;
                }
                cursor = "&before=" + r.get("next_cursor").asLong();
            }
            assertThat(ids).hasSize(8).doesNotHaveDuplicates();
            assertThat(ids).isSortedAccordingTo((x, y) -> Long.compare(y, x));
        }

        @Test
        @DisplayName("replays the same answer for a retried Idempotency-Key and moves nothing again")
        void idempotent() {
            Api.Session a = api.player("Retry");
            Api.Session b = api.player("Payee");
            String body = "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":3}";
            Api.Res first = api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "ticket-42");
            Api.Res again = api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "ticket-42");
            assertThat(first.status()).isEqualTo(201);
            assertThat(again.status()).isEqualTo(201);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(api.balance(a)).isEqualTo(100000 - 300);

            Api.Res different = api.post(
                    "/api/v1/transactions",
                    a.token(),
                    "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":4}",
                    "Idempotency-Key",
                    "ticket-42");
            assertThat(different.status()).isEqualTo(422);
            assertThat(api.balance(a)).isEqualTo(100000 - 300);

            Api.Res othersKey = api.post(
                    "/api/v1/transactions",
                    b.token(),
                    "{\"to_account\":\"" + a.accountNumber() + "\",\"amount\":3}",
                    "Idempotency-Key",
                    "ticket-42");
            assertThat(othersKey.status()).as("keys are per player").isEqualTo(201);
        }
    }

    @Nested
    @DisplayName("their own account")
    class OwnAccount {
        @Test
        @DisplayName("updates the picture and records a faction request; changing the faction alone is a 403")
        void profile() {
            Api.Session s = api.player("Switch");
            Api.Res alone = api.put(
                    "/api/v1/account/profile",
                    s.token(),
                    "{\"faction\":\"Nebuchadnezzar\",\"profile_picture\":\"https://img.example/p.png\"}");
            assertThat(alone.status()).isEqualTo(403);
            assertThat(alone.json().get("error").asText()).contains("GM");
            Api.Res r = api.put(
                    "/api/v1/account/profile",
                    s.token(),
                    "{\"faction_request\":\"Nebuchadnezzar\",\"profile_picture\":\"https://img.example/p.png\"}");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("message").asText()).contains("Nebuchadnezzar");
            assertThat(r.json().at("/user/faction").asText()).isEmpty();
            Api.Res same = api.put("/api/v1/account/profile", s.token(), "{\"faction\":\"\"}");
            assertThat(same.status())
                    .as("sending the current faction changes nothing")
                    .isEqualTo(200);
            assertThat(same.json().at("/user/profile_picture").asText()).isEqualTo("https://img.example/p.png");
        }

        @Test
        @DisplayName("changes the password, which signs out every older token")
        void password() {
            Api.Session s = api.player("Apoc");
            Api.Res wrong = api.put(
                    "/api/v1/account/password",
                    s.token(),
                    "{\"current_password\":\"nope-nope\",\"new_password\":\"new-password-2\"}");
            assertThat(wrong.status()).isEqualTo(400);
            Api.Res ok = api.put(
                    "/api/v1/account/password",
                    s.token(),
                    "{\"current_password\":\"password1\",\"new_password\":\"new-password-2\"}");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/account", s.token()).status()).isEqualTo(401);
            assertThat(api.get("/api/v1/account", ok.json().get("access_token").asText())
                            .status())
                    .isEqualTo(200);
            assertThat(api.login(s.name(), "new-password-2").token()).isNotBlank();
        }
    }
}
