package city.neotropolis.neobank.admin;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Importing characters from CSV")
class CharacterImportTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

    static Api api;
    static Api.Session gm;

    @BeforeAll
    static void setUp() {
        api = TestApp.api(APP);
        gm = api.gm();
    }

    static Api.Res importCsv(String csv) {
        return api.send(api.builder("/api/admin/users/import", gm.token())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    static JsonNode verify() {
        return api.get("/api/admin/ledger/verify", gm.token()).json();
    }

    @Nested
    @DisplayName("with good and bad rows mixed")
    class Mixed {
        @Test
        @DisplayName("creates the good ones with their balances, reports each bad one, and moves no money for them")
        void mixed() {
            Api.Session existing = api.player("Taken");
            String a = Api.uniqueName("Alice");
            String b = Api.uniqueName("Bob");
            String c = Api.uniqueName("Carol, \"the Fixer\"");
            String csv = "character_name,password,faction,balance\n"
                    + a + ",password1,Runners,250.50\n"
                    + b + ",short,Runners,10\n" // line 3: password too short
                    + "\"" + c.replace("\"", "\"\"") + "\",,Corp,\n" // line 4: no login, default balance
                    + a.toUpperCase() + ",password1,,5\n" // line 5: same name as line 2
                    + existing.name() + ",password1,,5\n" // line 6: already taken
                    + Api.uniqueName("Dave") + ",password1,,12.345\n" // line 7: 3 decimals
                    + Api.uniqueName("Eve") + ",password1,,-5\n" // line 8: negative
                    + Api.uniqueName("Finn") + ",password1,,1,extra\n" // line 9: too many columns
                    + "x,password1,,1\n"; // line 10: name too short
            JsonNode before = verify();

            Api.Res r = importCsv(csv);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).isEqualTo(2);
            assertThat(r.json().get("failed").asInt()).isEqualTo(7);
            JsonNode rows = r.json().get("rows");
            assertThat(rows).hasSize(9);
            assertThat(rows).extracting(x -> x.get("line").asInt()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(rows)
                    .extracting(x -> x.get("ok").asBoolean())
                    .containsExactly(true, false, true, false, false, false, false, false, false);
            assertThat(rows.get(1).get("error").asText()).contains("password");
            assertThat(rows.get(3).get("error").asText()).contains("line 2");
            assertThat(rows.get(4).get("error").asText()).contains("already taken");
            assertThat(rows.get(5).get("error").asText()).contains("2 decimals");
            assertThat(rows.get(6).get("error").asText()).contains("negative");
            assertThat(rows.get(7).get("error").asText()).contains("columns");
            assertThat(rows.get(0).get("account_number").asText()).startsWith("NC-");
            assertThat(rows.get(1).has("account_number")).isFalse();

            Api.Session alice = api.login(a, "password1");
            assertThat(api.balance(alice)).isEqualTo(25050);
            JsonNode carol = api.get(
                            "/api/admin/users/"
                                    + rows.get(2).get("account_number").asText(),
                            gm.token())
                    .json()
                    .get("user");
            assertThat(carol.get("character_name").asText()).isEqualTo(c);
            assertThat(AdminUsersTest.hundredths(carol.get("balance"))).isEqualTo(100000);
            assertThat(carol.get("faction").asText()).isEqualTo("Corp");

            JsonNode after = verify();
            assertThat(after.get("ok").asBoolean()).isTrue();
            assertThat(AdminUsersTest.hundredths(after.get("money_supply"))
                            - AdminUsersTest.hundredths(before.get("money_supply")))
                    .as("only the two good rows' balances were issued")
                    .isEqualTo(25050 + 100000);
            assertThat(after.get("transactions").asLong()
                            - before.get("transactions").asLong())
                    .isEqualTo(2);
            assertThat(api.get("/api/admin/users/search?q=" + b, gm.token())
                            .json()
                            .get("users"))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("as JSON or without a header")
    class Forms {
        @Test
        @DisplayName("accepts {\"csv\": ...} and a file without a header line")
        void json() throws Exception {
            String name = Api.uniqueName("Json");
            String body = new ObjectMapper().writeValueAsString(Map.of("csv", name + ",password1,Corp,1\n"));
            Api.Res r = api.post("/api/admin/users/import", gm.token(), body);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).isEqualTo(1);
            assertThat(r.json().at("/rows/0/line").asInt()).isEqualTo(1);
            assertThat(api.balance(api.login(name, "password1"))).isEqualTo(100);
        }

        @Test
        @DisplayName("refuses an empty file or one with only a header, and changes nothing")
        void empty() {
            long journal = verify().get("transactions").asLong();
            assertThat(importCsv("").status()).isEqualTo(400);
            Api.Res header = importCsv("character_name,password,faction,balance\n");
            assertThat(header.status()).isEqualTo(400);
            assertThat(header.json().get("error").asText()).contains("no rows");
            assertThat(verify().get("transactions").asLong()).isEqualTo(journal);
        }

        @Test
        @DisplayName("with only bad rows, reports them and creates nothing")
        void allBad() {
            long journal = verify().get("transactions").asLong();
            Api.Res r = importCsv("a,password1\n" + Api.uniqueName("ok") + ",pw\n");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).isZero();
            assertThat(r.json().get("failed").asInt()).isEqualTo(2);
            assertThat(verify().get("transactions").asLong()).isEqualTo(journal);
        }
    }
}
