package city.neotropolis.neobank.admin;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("The GM API on PostgreSQL")
class AdminPostgresTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.postgres(ConfigOverride.config("rateLimits.enabled", "false"));

    @Test
    @DisplayName("grants, imports, reports and verifies with the same SQL; backups point to pg_dump")
    void sameRoutes() {
        Api api = TestApp.api(APP);
        Api.Session gm = api.gm();
        String f = Api.uniqueName("PgFac");
        Api.Session m = api.player("pgMember");
        assertThat(api.post("/api/admin/factions/create", gm.token(), "{\"name\":\"" + f + "\"}")
                        .status())
                .isEqualTo(201);
        api.put("/api/admin/factions/members/" + m.accountNumber(), gm.token(), "{\"faction\":\"" + f + "\"}");
        Api.Res g =
                api.post("/api/admin/factions/" + f + "/add-credits", gm.token(), "{\"amount\":5,\"reason\":\"pg\"}");
        assertThat(g.status()).as(g.body()).isEqualTo(200);
        Api.Res adj = api.post(
                "/api/admin/users/" + m.accountNumber() + "/adjust-balance",
                gm.token(),
                "{\"amount\":-2.5,\"reason\":\"pg fine\"}");
        assertThat(adj.status()).as(adj.body()).isEqualTo(200);
        assertThat(api.balance(m)).isEqualTo(100000 + 500 - 250);
        Api.Res imp = api.send(api.builder("/api/admin/users/import", gm.token())
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(Api.uniqueName("pgcsv") + ",password1," + f + ",3\nx,,,\n")));
        assertThat(imp.status()).as(imp.body()).isEqualTo(200);
        assertThat(imp.json().get("created").asInt()).isEqualTo(1);
        assertThat(api.post("/api/admin/users/" + m.accountNumber() + "/freeze", gm.token(), "{}")
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/account", m.token()).status()).isEqualTo(401);

        JsonNode stats = api.get("/api/admin/stats", gm.token()).json();
        JsonNode verify = api.get("/api/admin/ledger/verify", gm.token()).json();
        assertThat(verify.get("ok").asBoolean()).isTrue();
        assertThat(stats.get("money_supply")).isEqualTo(verify.get("money_supply"));
        assertThat(api.get("/api/admin/factions/list", gm.token()).json().toString())
                .contains(f);
        assertThat(api.get("/api/admin/transactions?after_id=0&limit=3", gm.token())
                        .json()
                        .get("transactions"))
                .hasSize(3);
        assertThat(api.get("/api/admin/users/export", gm.token()).body()).contains(m.accountNumber());
        assertThat(api.get("/api/admin/audit-logs", gm.token())
                        .json()
                        .get("logs")
                        .size())
                .isGreaterThanOrEqualTo(5);

        Api.Res backup = api.post("/api/admin/backups", gm.token(), "");
        assertThat(backup.status()).isEqualTo(400);
        assertThat(backup.json().get("error").asText()).contains("pg_dump");
    }
}
