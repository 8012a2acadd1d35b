package city.neotropolis.neobank.admin;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.StreamSupport;

/** The same story told to the series endpoint on SQLite and on PostgreSQL. */
final class SeriesScenario {
    private final DropwizardAppExtension<NeoBankConfiguration> app;
    private final Api api;

    SeriesScenario(DropwizardAppExtension<NeoBankConfiguration> app) {
        this.app = app;
        this.api = TestApp.api(app);
    }

    /** Transfers, spins and a GM's adjustment show in the window; the rollup changes nothing in the answer. */
    void countsMoneyAndPlayers() {
        Api.Session gm = api.gm();
        Api.Session a = api.player("serA");
        Api.Session b = api.player("serB");
        Instant minute = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String from = minute.minus(Duration.ofMinutes(30)).toString();
        String to = minute.plus(Duration.ofMinutes(2)).toString();
        String path = "/api/admin/stats/series?from=" + from + "&to=" + to + "&step=120";
        JsonNode before = ok(api.get(path, gm.token()));

        assertThat(api.post(
                                "/api/v1/transactions",
                                a.token(),
                                "{\"to_account\":\"" + b.accountNumber() + "\",\"amount\":3,\"memo\":\"series\"}")
                        .status())
                .isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            Api.Res spin = api.post("/api/v1/casino/glitch-grid/spin", b.token(), "{\"bet_amount\": 10}");
            assertThat(spin.status()).as(spin.body()).isEqualTo(200);
        }
        assertThat(api.post(
                                "/api/admin/users/" + a.accountNumber() + "/adjust-balance",
                                gm.token(),
                                "{\"amount\":7.5,\"reason\":\"series\"}")
                        .status())
                .isEqualTo(200);

        JsonNode tail = ok(api.get(path, gm.token()));
        assertThat(tail.get("step_seconds").asLong()).isEqualTo(120);
        assertThat(tail.get("t")).hasSize(16);
        assertThat(sum(tail, "transfers") - sum(before, "transfers")).isEqualTo(1);
        assertThat(sum(tail, "spins") - sum(before, "spins")).isEqualTo(3);
        assertThat(sumCredits(tail, "wagered") - sumCredits(before, "wagered")).isEqualTo(30.0);
        JsonNode supply = tail.get("money_supply");
        JsonNode stats = ok(api.get("/api/admin/stats", gm.token()));
        assertThat(supply.get(supply.size() - 1).decimalValue())
                .isEqualByComparingTo(stats.get("money_supply").decimalValue());
        JsonNode beforeSupply = before.get("money_supply");
        // Two new players' starting credits came before `before`; since then only the GM's 7.50 was issued.
        assertThat(supply.get(supply.size() - 1)
                        .decimalValue()
                        .subtract(beforeSupply.get(beforeSupply.size() - 1).decimalValue()))
                .isEqualByComparingTo("7.50");
        assertThat(max(tail, "active_players")).isGreaterThanOrEqualTo(2);
        assertThat(tail.get("games").toString()).contains("glitch_grid");

        // Sum everything now (as the background job will), twice: the answer must not change.
        Database db = ((NeoBankApplication) app.getApplication()).database();
        JournalRollup rollup = new JournalRollup(db, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)));
        JsonNode casinoBefore = ok(api.get("/api/admin/stats", gm.token())).get("casino");
        assertThat(rollup.catchUp()).isPositive();
        assertThat(rollup.catchUp()).isZero();
        JsonNode summed = ok(api.get(path, gm.token()));
        assertThat(summed).isEqualTo(tail);
        assertThat(ok(api.get("/api/admin/stats", gm.token())).get("casino")).isEqualTo(casinoBefore);
    }

    /** Bad windows are refused with a clear 400 and nothing else happens. */
    void refusesBadWindows() {
        Api.Session gm = api.gm();
        for (String q : new String[] {
            "step=59",
            "step=90",
            "step=abc",
            "step=172800",
            "from=yesterday",
            "from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
            "from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&step=60"
        }) {
            Api.Res r = api.get("/api/admin/stats/series?" + q, gm.token());
            assertThat(r.status()).as(q + " " + r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).as(q).isNotBlank();
        }
        Api.Session p = api.player("serP");
        assertThat(api.get("/api/admin/stats/series", p.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/stats/series", null).status()).isEqualTo(401);
    }

    private static JsonNode ok(Api.Res r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static long sum(JsonNode s, String field) {
        return StreamSupport.stream(s.get(field).spliterator(), false)
                .mapToLong(JsonNode::asLong)
                .sum();
    }

    private static double sumCredits(JsonNode s, String field) {
        return StreamSupport.stream(s.get(field).spliterator(), false)
                .mapToDouble(JsonNode::asDouble)
                .sum();
    }

    private static long max(JsonNode s, String field) {
        return StreamSupport.stream(s.get(field).spliterator(), false)
                .mapToLong(JsonNode::asLong)
                .max()
                .orElse(0);
    }
}
