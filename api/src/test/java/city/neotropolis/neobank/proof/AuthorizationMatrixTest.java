package city.neotropolis.neobank.proof;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.TestApp;
import city.neotropolis.neobank.support.Tokens4Tests;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every route against every kind of caller, with the expected status of each cell written down in
 * one table. A 400 in a cell means the caller got past authorisation and the request itself was
 * refused (a GM has no credits to send; a wrong current password), which is the point of that cell.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The authorisation matrix: every route x every principal")
class AuthorizationMatrixTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP =
            TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

    /** Columns, in the order of the table. */
    static final String[] PRINCIPALS = {
        "anon",
        "player",
        "other",
        "frozen",
        "gm",
        "k:read",
        "k:charge",
        "k:payout",
        "k:any",
        "k:revoked",
        "expired",
        "alg-none",
        "bad-sig",
        "hs512"
    };

    // Placeholders: {victim} a fresh player per row, {player} the player column's account, {own} the
    // calling key's own account, {other} another player, {spin} a spin of the player, {fresh} a new
    // name, {keyid} a fresh API key, {tx} a fresh GM grant to the victim (reversible),
    // {stipend} a stipend made at the start, {newstipend} a fresh one per cell, {backup} an existing backup,
    // {faction} a faction with members; payment requests: {req} one the player column made at the start,
    // {newreq} a fresh one of the player per cell, {payreq} a fresh one of the victim per cell, {keyreq}
    // one the k:charge key made at the start, {newkeyreq} a fresh one of that key per cell; chips:
    // {chip} a chip of the player column's account, {payuid} the UID of another of its chips, {newchip}
    // a fresh chip per cell, {freshuid} a UID never linked.
    static final String TABLE = """
        # route                                                        | anon player other frozen gm  k:read k:charge k:payout k:any k:revoked expired alg-none bad-sig hs512
        GET  /health                                                    | 200  200    200   200    200 200    200      200      200   200       200     200      200     200
        POST /api/v1/auth/register {"character_name":"{fresh}","password":"password1"} | 201 201 201 201 201 201 201 201 201 201 201 201 201 201
        POST /api/v1/auth/login {"character_name":"{victimname}","password":"password1"} | 200 200 200 200 200 200 200 200 200 200 200 200 200 200
        GET  /api/v1/auth/registration                                  | 200  200    200   200    200 200    200      200      200   200       200     200      200     200
        GET  /api/v1/account                                            | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/account/transactions                               | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/account/transactions/search?q=x                    | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/v1/account/profile {"faction_request":"Runners"}      | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/v1/account/profile {"faction":"Runners"}              | 401  403    403   401    403 401    401      401      401   401       401     401      401     401
        PUT  /api/v1/account/password {"current_password":"wrong-one","new_password":"password9"} | 401 400 400 401 400 401 401 401 401 401 401 401 401 401
        PUT  /api/v1/account/pin {"pin":"1234","current_password":"wrong-one"} | 401 400 400 401 400 401 401 401 401 401 401 401 401 401
        GET  /api/v1/accounts/{victim}                                  | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        POST /api/v1/transactions {"to_account":"{victim}","amount":0.01} | 401 201 201 401 400 401 401 401 401 401 401 401 401 401
        GET  /api/v1/casino/games                                       | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/casino/games/glitch_grid/reels?payout=96           | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        POST /api/v1/casino/glitch-grid/spin {"bet_amount":10}          | 401  200    200   401    400 401    401      401      401   401       401     401      401     401
        GET  /api/v1/casino/spins                                       | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/casino/spins/{spin}                                | 401  200    404   401    404 401    401      401      401   401       401     401      401     401
        GET  /api/v1/casino/fairness                                    | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/v1/casino/fairness {"client_seed":"lucky-7"}          | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        POST /api/v1/casino/fairness/rotate                             | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/external/account/{player}/balance                  | 401  401    401   401    401 200    403      403      403   401       401     401      401     401
        POST /api/v1/external/transactions {"from_account":"{player}","to_account":"{own}","amount":0.01} | 401 401 401 401 401 403 201 403 201 401 401 401 401 401
        POST /api/v1/external/transactions {"from_account":"{own}","to_account":"{player}","amount":0.01} | 401 401 401 401 401 403 403 201 201 401 401 401 401 401
        POST /api/v1/external/transactions {"from_account":"{player}","to_account":"{other}","amount":0.01} | 401 401 401 401 401 403 403 403 201 401 401 401 401 401
        POST /api/v1/requests {"amount":0.01,"memo":"matrix"}         | 401  201    201   401    201 401    401      401      401   401       401     401      401     401
        GET  /api/v1/requests/{req}                                     | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/requests/{req}/qr.svg                              | 200  200    200   200    200 200    200      200      200   200       200     200      200     200
        GET  /api/v1/requests/{req}/qr.png                              | 200  200    200   200    200 200    200      200      200   200       200     200      200     200
        POST /api/v1/requests/{newreq}/cancel                           | 401  200    403   401    403 401    401      401      401   401       401     401      401     401
        POST /api/v1/requests/{payreq}/pay                              | 401  200    200   401    400 401    401      401      401   401       401     401      401     401
        POST /api/v1/external/requests {"amount":0.01,"memo":"matrix"}  | 401  401    401   401    401 403    201      403      403   401       401     401      401     401
        GET  /api/v1/external/requests/{keyreq}                         | 401  401    401   401    401 404    200      404      404   401       401     401      401     401
        POST /api/v1/external/requests/{newkeyreq}/cancel               | 401  401    401   401    401 404    200      404      404   401       401     401      401     401
        GET  /api/admin/users/search?q=a                                | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/users/{victim}                                  | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/users {"character_name":"{fresh}"}              | 401  403    403   401    201 401    401      401      401   401       401     401      401     401
        POST /api/admin/users/import {"csv":"character_name,password,faction,balance\\n{fresh},password1,,5"} | 401 403 403 401 200 401 401 401 401 401 401 401 401 401
        GET  /api/admin/users/export                                    | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/users/{victim}/reset-password {"new_password":"password7"} | 401 403 403 401 200 401 401 401 401 401 401 401 401 401
        POST /api/admin/users/{victim}/toggle-admin                     | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/users/{victim}/adjust-balance {"amount":5,"reason":"matrix"} | 401 403 403 401 200 401 401 401 401 401 401 401 401 401
        POST /api/admin/users/{victim}/freeze                           | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/users/{victim}/unfreeze                         | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/transactions/{tx}/reverse {"reason":"matrix"}  | 401  403    403   401    201 401    401      401      401   401       401     401      401     401
        GET  /api/admin/stipends                                | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/stipends {"name":"{fresh}","amount":1,"recipients":"all","schedule":"once","at":"2099-01-01T10:00Z"} | 401 403 403 401 201 401 401 401 401 401 401 401 401 401
        GET  /api/admin/stipends/{stipend}                      | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/admin/stipends/{stipend} {"name":"Matrix pay","amount":2,"recipients":"all","schedule":"once","at":"2099-01-02T10:00Z"} | 401 403 403 401 200 401 401 401 401 401 401 401 401 401
        POST /api/admin/stipends/{stipend}/pause                | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/stipends/{stipend}/resume               | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        DELETE /api/admin/stipends/{newstipend}                 | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/stipends/run-due                        | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/leaderboards                                       | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/v1/leaderboards/opt-out {"opt_out":false}             | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/admin/leaderboards {"enabled":false}                  | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/transactions                                    | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/audit-logs                                      | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/ledger/verify                                   | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/stats                                           | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/stats/series                                    | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/factions/list                                   | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/factions/create {"name":"{fresh}"}              | 401  403    403   401    201 401    401      401      401   401       401     401      401     401
        POST /api/admin/factions/{faction}/add-credits {"amount":1,"reason":"matrix"} | 401 403 403 401 200 401 401 401 401 401 401 401 401 401
        GET  /api/admin/factions/requests                               | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/admin/factions/members/{victim} {"faction":"{faction}"} | 401 403 403 401 200 401 401 401 401 401 401 401 401 401
        DELETE /api/admin/factions/requests/{victim}                    | 401  403    403   401    404 401    401      401      401   401       401     401      401     401
        GET  /api/admin/api-keys                                        | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/api-keys {"description":"matrix","account_number":"{victim}","scopes":["balance:read"]} | 401 403 403 401 201 401 401 401 401 401 401 401 401 401
        DELETE /api/admin/api-keys/{keyid}                              | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/v1/chips                                              | 401  200    200   401    200 401    401      401      401   401       401     401      401     401
        POST /api/v1/chips/{chip}/block                                 | 401  200    404   401    404 401    401      401      401   401       401     401      401     401
        POST /api/v1/external/chips/charge {"uid":"{payuid}","amount":0.01} | 401 401 401 401 401 403 201 403 403 401 401 401 401 401
        POST /api/v1/external/chips {"uid":"{freshuid}","account_number":"{victim}","pin":"1234"} | 401 401 401 401 401 403 403 403 403 401 401 401 401 401
        GET  /api/admin/chips                                           | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/chips {"uid":"{freshuid}","account_number":"{victim}"} | 401 403 403 401 201 401 401 401 401 401 401 401 401 401
        POST /api/admin/chips/{chip}/unblock                            | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/admin/chips/{chip}/limits {"per_charge_limit":5,"per_day_limit":20} | 401 403 403 401 200 401 401 401 401 401 401 401 401 401
        DELETE /api/admin/chips/{newchip}                               | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/casino/config                                   | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        PUT  /api/admin/casino/config/glitch_grid {"is_enabled":true}   | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/casino/par/glitch_grid?payout=96                | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/casino/spins/{spin}                             | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        GET  /api/admin/backups                                         | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        POST /api/admin/backups                                         | 401  403    403   401    201 401    401      401      401   401       401     401      401     401
        GET  /api/admin/backups/{backup}                                | 401  403    403   401    200 401    401      401      401   401       401     401      401     401
        """;

    record Row(String method, String path, String body, int[] expected) {}

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : TABLE.strip().split("\n")) {
            line = line.strip();
            if (line.startsWith("#")) {
                continue;
            }
            int bar = line.lastIndexOf('|');
            String[] route = line.substring(0, bar).strip().split("\\s+", 3);
            String[] cells = line.substring(bar + 1).strip().split("\\s+");
            assertThat(cells).as(line).hasSize(PRINCIPALS.length);
            int[] expected = new int[cells.length];
            for (int i = 0; i < cells.length; i++) {
                expected[i] = Integer.parseInt(cells[i]);
            }
            rows.add(new Row(route[0], route[1], route.length > 2 ? route[2].replace("\\\\n", "\\n") : null, expected));
        }
        return rows;
    }

    /** The callers: a bearer token or an API key (or nothing), and the key's own account if any. */
    record Caller(String token, String apiKey, String own) {}

    @Test
    @DisplayName("every cell answers as the table says")
    void matrix() {
        Api api = TestApp.api(APP);
        Api.Session gm = api.gm();
        Api.Session player = api.player("mxPlayer");
        Api.Session other = api.player("mxOther");
        Api.Session frozen = api.player("mxFrozen");
        assertThat(api.post("/api/admin/users/" + frozen.accountNumber() + "/freeze", gm.token(), "{}")
                        .status())
                .isEqualTo(200);
        Map<String, Caller> callers = new HashMap<>();
        callers.put("anon", new Caller(null, null, null));
        callers.put("player", new Caller(player.token(), null, null));
        callers.put("other", new Caller(other.token(), null, null));
        callers.put("frozen", new Caller(frozen.token(), null, null));
        callers.put("gm", new Caller(gm.token(), null, null));
        for (String scope : List.of("read", "charge", "payout", "any", "revoked")) {
            Api.Session vendor = api.player("mxVendor");
            String scopeName = switch (scope) {
                case "read" -> "balance:read";
                case "any" -> "transfer:any";
                case "revoked" -> "charge";
                default -> scope;
            };
            Api.Res key = api.post(
                    "/api/admin/api-keys",
                    gm.token(),
                    "{\"description\":\"matrix " + scope + "\",\"account_number\":\"" + vendor.accountNumber()
                            + "\",\"scopes\":[\"" + scopeName + "\"]}");
            assertThat(key.status()).as(key.body()).isEqualTo(201);
            if (scope.equals("revoked")) {
                assertThat(api.delete(
                                        "/api/admin/api-keys/"
                                                + key.json().at("/api_key/id").asLong(),
                                        gm.token())
                                .status())
                        .isEqualTo(200);
            }
            callers.put(
                    "k:" + scope,
                    new Caller(null, key.json().at("/api_key/key_value").asText(), vendor.accountNumber()));
        }
        long uid = Tokens4Tests.uid(player.token());
        callers.put("expired", new Caller(Tokens4Tests.expired(uid), null, null));
        callers.put("alg-none", new Caller(Tokens4Tests.algNone(uid), null, null));
        callers.put("bad-sig", new Caller(Tokens4Tests.wronglySigned(uid), null, null));
        callers.put("hs512", new Caller(Tokens4Tests.otherAlgorithm(uid), null, null));

        Api.Res spin = api.post("/api/v1/casino/glitch-grid/spin", player.token(), "{\"bet_amount\":10}");
        assertThat(spin.status()).as(spin.body()).isEqualTo(200);
        String spinId = spin.json().get("spin_id").asText();
        Api.Session member = api.player("mxMember");
        String faction = "Matrix" + System.nanoTime() % 100000;
        assertThat(api.put(
                                "/api/admin/factions/members/" + member.accountNumber(),
                                gm.token(),
                                "{\"faction\":\"" + faction + "\"}")
                        .status())
                .isEqualTo(200);
        Api.Res backup = api.post("/api/admin/backups", gm.token(), "");
        assertThat(backup.status()).as(backup.body()).isEqualTo(201);
        String backupName = backup.json().at("/backup/name").asText();

        String stipendId = newStipendId(api, gm);
        String chipId = newChipId(api, gm, player, freshUid());
        String payUid = freshUid();
        newChipId(api, gm, player, payUid);
        String chargeKey = callers.get("k:charge").apiKey();
        String reqId = newRequestId(api, player.token(), null);
        String keyReqId = newRequestId(api, null, chargeKey);

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int[] fresh = {0};
        for (Row row : rows()) {
            Api.Session victim = api.player("mxVictim");
            for (int c = 0; c < PRINCIPALS.length; c++) {
                Caller caller = callers.get(PRINCIPALS[c]);
                Supplier<String> freshName = () -> "mx" + System.nanoTime() % 1_000_000_000L + "n" + (fresh[0]++);
                String keyId = row.path().contains("{keyid}") ? newKeyId(api, gm, victim) : "";
                String txId = row.path().contains("{tx}") ? newGrantId(api, gm, victim) : "";
                String newStipend = row.path().contains("{newstipend}") ? newStipendId(api, gm) : "";
                String newChip = row.path().contains("{newchip}") ? newChipId(api, gm, victim, freshUid()) : "";
                String path = fill(
                                row.path(),
                                victim,
                                player,
                                other,
                                caller,
                                spinId,
                                faction,
                                backupName,
                                keyId,
                                freshName)
                        .replace("{tx}", txId)
                        .replace("{newstipend}", newStipend)
                        .replace("{stipend}", stipendId)
                        .replace("{newchip}", newChip)
                        .replace("{chip}", chipId)
                        .replace("{req}", reqId)
                        .replace(
                                "{newreq}",
                                row.path().contains("{newreq}") ? newRequestId(api, player.token(), null) : "")
                        .replace(
                                "{payreq}",
                                row.path().contains("{payreq}") ? newRequestId(api, victim.token(), null) : "")
                        .replace("{keyreq}", keyReqId)
                        .replace(
                                "{newkeyreq}",
                                row.path().contains("{newkeyreq}") ? newRequestId(api, null, chargeKey) : "");
                String body = row.body() == null
                        ? null
                        : fill(
                                row.body(),
                                victim,
                                player,
                                other,
                                caller,
                                spinId,
                                faction,
                                backupName,
                                keyId,
                                freshName);
                if (body != null) {
                    body = body.replace("{payuid}", payUid).replace("{freshuid}", freshUid());
                }
                HttpRequest.Builder b = api.builder(path, caller.token());
                if (caller.apiKey() != null) {
                    b.header("X-API-Key", caller.apiKey());
                }
                b.header("Content-Type", "application/json");
                b.method(
                        row.method(),
                        body == null
                                ? HttpRequest.BodyPublishers.ofString(
                                        row.method().equals("GET")
                                                        || row.method().equals("DELETE")
                                                ? ""
                                                : "{}")
                                : HttpRequest.BodyPublishers.ofString(body));
                if (row.method().equals("GET") || row.method().equals("DELETE")) {
                    b.method(row.method(), HttpRequest.BodyPublishers.noBody());
                }
                Api.Res res = api.send(b);
                cells++;
                if (res.status() != row.expected()[c]) {
                    wrong.add(row.method() + " " + row.path() + " as " + PRINCIPALS[c] + ": expected "
                            + row.expected()[c] + ", got " + res.status() + " " + res.body());
                }
                if (res.status() >= 400) {
                    assertThat(res.json()).as(path + " answers a JSON error").isNotNull();
                }
            }
        }
        assertThat(wrong).as("cells that differ from the table").isEmpty();
        assertThat(cells).isGreaterThanOrEqualTo(40 * PRINCIPALS.length);
        assertThat(new LedgerVerifier(APP.<NeoBankApplication>getApplication().database())
                        .verify()
                        .ok())
                .isTrue();
    }

    private static String newKeyId(Api api, Api.Session gm, Api.Session owner) {
        Api.Res key = api.post(
                "/api/admin/api-keys",
                gm.token(),
                "{\"description\":\"to revoke\",\"account_number\":\"" + owner.accountNumber()
                        + "\",\"scopes\":[\"balance:read\"]}");
        return key.json().at("/api_key/id").asText();
    }

    private static String newStipendId(Api api, Api.Session gm) {
        Api.Res made = api.post(
                "/api/admin/stipends",
                gm.token(),
                "{\"name\":\"Matrix pay\",\"amount\":1,\"recipients\":\"all\",\"schedule\":\"once\","
                        + "\"at\":\"2099-01-01T10:00Z\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().at("/stipend/id").asText();
    }

    private static String freshUid() {
        return String.format(
                "04%012X", java.util.concurrent.ThreadLocalRandom.current().nextLong(1L << 48));
    }

    private static String newChipId(Api api, Api.Session gm, Api.Session owner, String uid) {
        Api.Res made = api.post(
                "/api/admin/chips",
                gm.token(),
                "{\"uid\":\"" + uid + "\",\"account_number\":\"" + owner.accountNumber() + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().at("/chip/id").asText();
    }

    /** A payment request made by a player (token) or a charge-scoped terminal key. */
    private static String newRequestId(Api api, String token, String apiKey) {
        Api.Res made = apiKey == null
                ? api.post("/api/v1/requests", token, "{\"amount\":0.01,\"memo\":\"matrix\"}")
                : api.post(
                        "/api/v1/external/requests",
                        null,
                        "{\"amount\":0.01,\"memo\":\"matrix\"}",
                        "X-API-Key",
                        apiKey);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().at("/request/id").asText();
    }

    private static String newGrantId(Api api, Api.Session gm, Api.Session owner) {
        Api.Res grant = api.post(
                "/api/admin/users/" + owner.accountNumber() + "/adjust-balance",
                gm.token(),
                "{\"amount\":1,\"reason\":\"to reverse\"}");
        return grant.json().at("/transaction/id").asText();
    }

    private static String fill(
            String s,
            Api.Session victim,
            Api.Session player,
            Api.Session other,
            Caller caller,
            String spin,
            String faction,
            String backup,
            String keyId,
            Supplier<String> fresh) {
        return s.replace("{victimname}", victim.name())
                .replace("{victim}", victim.accountNumber())
                .replace("{player}", player.accountNumber())
                .replace("{other}", other.accountNumber())
                .replace("{own}", caller.own() == null ? "NC-ZZZZ-ZZZZ" : caller.own())
                .replace("{spin}", spin)
                .replace("{faction}", faction)
                .replace("{backup}", backup)
                .replace("{keyid}", keyId)
                .replace("{fresh}", fresh.get());
    }
}
