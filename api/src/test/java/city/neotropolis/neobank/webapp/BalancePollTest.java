package city.neotropolis.neobank.webapp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import city.neotropolis.neobank.support.Tokens4Tests;
import city.neotropolis.neobank.web.EdgeFilter;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/v1/account is answered before Jersey (BalancePoll): the same answer, and the rest still Jersey's. */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The balance poll, answered before Jersey")
class BalancePollTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();
    static Api api;

    @BeforeAll
    static void api() {
        api = TestApp.api(APP);
    }

    @Test
    @DisplayName("gives the account Jersey gives, with the ETag of its bytes and every header of the edge")
    void sameAnswer() {
        Api.Session me = api.player("Poll");
        Api.Res polled = api.get("/api/v1/account", me.token());
        assertThat(polled.status()).isEqualTo(200);
        // Jersey's own view of the same account: the profile route answers it too.
        Api.Res viaJersey = api.put("/api/v1/account/profile", me.token(), "{}");
        assertThat(viaJersey.status()).as(viaJersey.body()).isEqualTo(200);
        assertThat(polled.json().get("account")).isEqualTo(viaJersey.json().get("user"));
        assertThat(polled.json().at("/account/account_number").asText()).isEqualTo(me.accountNumber());
        assertThat(polled.header("Content-Type")).isEqualTo("application/json");
        assertThat(polled.header("ETag"))
                .isEqualTo("\"" + LiveAccount.digest(polled.body().getBytes(UTF_8)) + "\"");
        assertThat(polled.header("Cache-Control")).isEqualTo("no-store");
        assertThat(polled.header("Content-Security-Policy")).isEqualTo(EdgeFilter.CSP);
        assertThat(polled.header("X-Request-Id")).isNotBlank();

        Api.Res again = api.send(api.builder("/api/v1/account", me.token(), "If-None-Match", polled.header("ETag")));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(again.header("ETag")).isEqualTo(polled.header("ETag"));
        Api.Res otherTag = api.send(api.builder("/api/v1/account", me.token(), "If-None-Match", "\"0123\""));
        assertThat(otherTag.status()).isEqualTo(200);
        assertThat(otherTag.body()).isEqualTo(polled.body());
    }

    @Test
    @DisplayName("leaves every refusal to Jersey: the same 401s, 405 and frozen account as before")
    void refusalsAreJerseys() {
        Api.Session me = api.player("Refused");
        Api.Res none = api.get("/api/v1/account", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("error").asText()).isEqualTo("Authentication required");
        Api.Res basic = api.send(api.builder("/api/v1/account", null, "Authorization", "Basic YTpi"));
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.json().get("error").asText()).isEqualTo("Authorization must be a Bearer token");
        Api.Res forged = api.get("/api/v1/account", Tokens4Tests.wronglySigned(Tokens4Tests.uid(me.token())));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("error").asText()).isEqualTo("Invalid or expired token");
        Api.Res post = api.post("/api/v1/account", me.token(), "{}");
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.json().get("error").asText()).isNotBlank();

        Api.Session gm = api.gm();
        Api.Res froze =
                api.post("/api/admin/users/" + me.accountNumber() + "/freeze", gm.token(), "{\"reason\":\"test\"}");
        assertThat(froze.status()).as(froze.body()).isEqualTo(200);
        Api.Res frozen = api.get("/api/v1/account", me.token());
        assertThat(frozen.status()).isEqualTo(401);
        assertThat(frozen.json().get("error").asText()).isEqualTo("Invalid or expired token");
    }

    @Test
    @DisplayName("marks the player active, as every answered request does")
    void marksActive() {
        Api.Session gm = api.gm();
        String name = Api.uniqueName("Never logged in");
        Api.Res made = api.post("/api/admin/users", gm.token(), "{\"character_name\":\"" + name + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = activeAt("SELECT id FROM accounts WHERE character_name = '" + name + "'")
                .orElseThrow();
        String lastActive = "SELECT last_active_at FROM accounts WHERE id = " + id;
        assertThat(activeAt(lastActive)).isEmpty();

        Api.Res polled = api.get("/api/v1/account", Tokens4Tests.valid(id));
        assertThat(polled.status()).as(polled.body()).isEqualTo(200);
        assertThat(polled.json().at("/account/character_name").asText()).isEqualTo(name);
        assertThat(activeAt(lastActive)).isPresent();
    }

    private static Optional<Long> activeAt(String sql) {
        return ((NeoBankApplication) APP.getApplication())
                .database()
                .reads()
                .withHandle(h -> h.createQuery(sql).mapTo(Long.class).findOne());
    }
}
