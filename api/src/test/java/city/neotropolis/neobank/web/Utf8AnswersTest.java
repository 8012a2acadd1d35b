package city.neotropolis.neobank.web;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Every JSON answer carries emoji as raw UTF-8, never as \\u escapes")
class Utf8AnswersTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();
    static final String SKULL = "\uD83D\uDC80";

    @Test
    @DisplayName("accounts, journal, search, casino, admin, errors and replays")
    void raw() {
        Api api = TestApp.api(APP);
        Api.Session a = api.player("Emoji");
        Api.Session b = api.player("Emoji");
        Api.Session gm = api.gm();
        String memo = "noodles " + SKULL;
        String body = "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":1,\"memo\":\"" + memo + "\"}";
        Api.Res paid = api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "emoji-1");
        Api.Res replay = api.post("/api/v1/transactions", a.token(), body, "Idempotency-Key", "emoji-1");
        Api.Res unknown = api.get("/api/v1/accounts/" + SKULL, a.token());
        List<Api.Res> answers = List.of(
                paid,
                replay,
                api.get("/api/v1/account/transactions", a.token()),
                api.get("/api/v1/account/transactions/search?q=noodles", a.token()),
                api.get("/api/v1/casino/games", a.token()),
                api.get("/api/v1/casino/games/glitch-grid/reels", a.token()),
                api.post("/api/v1/casino/glitch-grid/spin", a.token(), "{\"bet_amount\":1}"),
                api.get("/api/admin/transactions?limit=5", gm.token()),
                api.get("/api/admin/casino/par/glitch_grid", gm.token()),
                unknown);

        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(paid.body()).contains(memo);
        assertThat(replay.body()).contains(memo);
        assertThat(answers)
                .filteredOn(r -> r.body().contains("\\u") || r.body().contains("\\U"))
                .extracting(Api.Res::body)
                .isEmpty();
    }
}
