package city.neotropolis.neobank.admin;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Every GM route")
class AdminRoutesTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static Api api;
    static Api.Session gm;
    static Api.Session player;
    static Api.Session target;
    static String faction;
    static String backupName;

    /** One route: how to call it, what a GM gets, and the audit action it must leave (null for reads). */
    record Route(String method, String path, String contentType, String body, int gmStatus, String auditAction) {
        static Route get(String path) {
            return new Route("GET", path, null, null, 200, null);
        }

        static Route post(String path, String body, int status, String audit) {
            return new Route("POST", path, "application/json", body, status, audit);
        }

        Api.Res call(String token) {
            return call(api, token);
        }

        /**
         * Refused calls go on a connection of their own: once in a full-suite run, a kept-alive
         * connection read EOF right after a refused POST (whose body the server never reads).
         */
        Api.Res callFresh(String token) {
            return call(TestApp.api(APP), token);
        }

        Api.Res call(Api client, String token) {
            HttpRequest.Builder b = client.builder(path, token);
            if (method.equals("GET")) {
                b.GET();
            } else {
                b.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
            }
            return client.send(b);
        }
    }

    @BeforeAll
    static void setUp() {
        api = TestApp.api(APP);
        gm = api.gm();
        player = api.player("routesPlayer");
        target = api.player("routesTarget");
        faction = Api.uniqueName("Fac");
        Api.Res member = api.post(
                "/api/admin/users",
                gm.token(),
                "{\"character_name\":\"" + Api.uniqueName("member") + "\",\"faction\":\"" + faction + "\"}");
        assertThat(member.status()).as(member.body()).isEqualTo(201);
        Api.Res backup = api.post("/api/admin/backups", gm.token(), "");
        assertThat(backup.status()).as(backup.body()).isEqualTo(201);
        backupName = backup.json().at("/backup/name").asText();
    }

    static List<Route> routes() {
        String u = "/api/admin/users/" + target.accountNumber();
        return List.of(
                Route.get("/api/admin/users/search?q=routes"),
                Route.get(u),
                Route.post(
                        "/api/admin/users",
                        "{\"character_name\":\"" + Api.uniqueName("npc") + "\"}",
                        201,
                        "create_user"),
                new Route(
                        "POST",
                        "/api/admin/users/import",
                        "text/csv",
                        "character_name,password,faction,balance\n" + Api.uniqueName("csv") + ",password1,,5\n",
                        200,
                        "import_users"),
                new Route("GET", "/api/admin/users/export", null, null, 200, "export_users"),
                Route.post(u + "/reset-password", "{\"new_password\":\"password2\"}", 200, "reset_password"),
                Route.post(u + "/toggle-admin", "{}", 200, "grant_admin"),
                Route.post(u + "/adjust-balance", "{\"amount\":5,\"reason\":\"route check\"}", 200, "adjust_balance"),
                Route.post(u + "/freeze", "{}", 200, "freeze"),
                Route.post(u + "/unfreeze", "{}", 200, "unfreeze"),
                Route.get("/api/admin/transactions?limit=5"),
                Route.get("/api/admin/audit-logs?limit=5"),
                Route.get("/api/admin/factions/list"),
                Route.post(
                        "/api/admin/factions/create",
                        "{\"name\":\"" + Api.uniqueName("NewFac") + "\"}",
                        201,
                        "create_faction"),
                Route.post(
                        "/api/admin/factions/" + faction + "/add-credits",
                        "{\"amount\":2,\"reason\":\"bonus\"}",
                        200,
                        "faction_grant"),
                Route.get("/api/admin/ledger/verify"),
                Route.get("/api/admin/stats"),
                Route.post("/api/admin/backups", "", 201, "backup"),
                Route.get("/api/admin/backups"),
                new Route("GET", "/api/admin/backups/" + backupName, null, null, 200, "download_backup"));
    }

    @TestFactory
    @DisplayName("is 401 without a token, 403 for a player, works for a GM and leaves an audit row when it acts")
    Stream<DynamicTest> everyRoute() {
        return routes().stream()
                .map(r -> DynamicTest.dynamicTest(r.method() + " " + r.path(), () -> {
                    Api.Res anonymous = r.callFresh(null);
                    assertThat(anonymous.status()).as(anonymous.body()).isEqualTo(401);
                    assertThat(anonymous.json().get("error").asText()).isNotBlank();

                    Api.Res asPlayer = r.callFresh(player.token());
                    assertThat(asPlayer.status()).as(asPlayer.body()).isEqualTo(403);
                    assertThat(asPlayer.json().get("error").asText()).isNotBlank();

                    long lastAudit = lastAuditId();
                    Api.Res asGm = r.call(gm.token());
                    assertThat(asGm.status()).as(asGm.body()).isEqualTo(r.gmStatus());
                    JsonNode newest = api.get("/api/admin/audit-logs?limit=1", gm.token())
                            .json()
                            .at("/logs/0");
                    if (r.auditAction() != null) {
                        assertThat(newest.get("id").asLong()).isGreaterThan(lastAudit);
                        assertThat(newest.get("action").asText()).isEqualTo(r.auditAction());
                        assertThat(newest.get("admin").asText()).isEqualTo(TestApp.GM_NAME);
                        assertThat(newest.get("timestamp").asText()).endsWith("Z");
                    } else {
                        assertThat(newest.get("id").asLong())
                                .as("a read writes no audit row")
                                .isEqualTo(lastAudit);
                    }
                }));
    }

    private static long lastAuditId() {
        JsonNode logs =
                api.get("/api/admin/audit-logs?limit=1", gm.token()).json().get("logs");
        return logs.isEmpty() ? 0 : logs.get(0).get("id").asLong();
    }
}
