package city.neotropolis.neobank.external;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.support.Api;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/** Chips (NFC tags) over HTTP, the same on SQLite and PostgreSQL. */
final class ChipScenarios {
    private ChipScenarios() {}

    /** A random 7-byte UID as a reader prints it, with colons. */
    static String uid() {
        StringBuilder b = new StringBuilder("04");
        for (int i = 0; i < 6; i++) {
            b.append(':')
                    .append(String.format("%02x", ThreadLocalRandom.current().nextInt(256)));
        }
        return b.toString();
    }

    static Api.Res link(Terminals t, String uid, String account, String limits) {
        return t.api.post(
                "/api/admin/chips",
                t.gm.token(),
                "{\"uid\":\"" + uid + "\",\"account_number\":\"" + account + "\",\"label\":\"Wristband\""
                        + (limits.isEmpty() ? "" : "," + limits) + "}");
    }

    static long linked(Terminals t, String uid, String account, String perCharge, String perDay) {
        Api.Res r = link(t, uid, account, "\"per_charge_limit\":" + perCharge + ",\"per_day_limit\":" + perDay);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().at("/chip/id").asLong();
    }

    static Api.Res tap(Terminals t, Terminals.Key key, String json, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "X-API-Key";
        all[headers.length + 1] = key.value();
        return t.api.post("/api/v1/external/chips/charge", null, json, all);
    }

    static String charge(String uid, String amount, String pin) {
        return "{\"uid\":\"" + uid + "\",\"amount\":" + amount + (pin == null ? "" : ",\"pin\":\"" + pin + "\"") + "}";
    }

    static void setPin(Terminals t, Api.Session player, String pin) {
        Api.Res r = t.api.put(
                "/api/v1/account/pin", player.token(), "{\"pin\":\"" + pin + "\",\"current_password\":\"password1\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Limits per charge and per day, the PIN above them, and a UID in any reader's format. */
    static void limitsAndPin(Terminals t) {
        String stall = t.api.player("ChipStall").accountNumber();
        Api.Session buyer = t.api.player("ChipBuyer");
        Terminals.Key key = t.key(stall, "charge");
        String uid = uid();
        linked(t, uid, buyer.accountNumber(), "10", "25");
        setPin(t, buyer, "2468");
        long buyer0 = t.balanceOf(buyer.accountNumber());
        long stall0 = t.balanceOf(stall);
        long rows0 = t.journalRows();

        // The same tag as another reader prints it: upper case, no separators.
        String plain = uid.replace(":", "").toUpperCase(java.util.Locale.ROOT);
        Api.Res ok = tap(t, key, charge(plain, "5", null));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().at("/transaction/type").asText()).isEqualTo("external");

        Api.Res over = tap(t, key, charge(uid, "12", null));
        assertThat(over.status()).as(over.body()).isEqualTo(400);
        assertThat(over.json().at("/error").asText()).contains("per charge").contains("PIN");
        Api.Res wrong = tap(t, key, charge(uid, "12", "1111"));
        assertThat(wrong.status()).as(wrong.body()).isEqualTo(400);
        assertThat(wrong.json().at("/error").asText()).contains("Wrong PIN");
        assertThat(t.journalRows()).isEqualTo(rows0 + 1);

        Api.Res withPin = tap(t, key, charge(uid, "12", "2468"));
        assertThat(withPin.status()).as(withPin.body()).isEqualTo(201);

        // 17 spent today: 9 is below the per-charge limit but takes the day to 26 > 25.
        Api.Res day = tap(t, key, charge(uid, "9", null));
        assertThat(day.status()).as(day.body()).isEqualTo(400);
        assertThat(day.json().at("/error").asText()).contains("per day");
        Api.Res fits = tap(t, key, charge(uid, "8", null));
        assertThat(fits.status()).as(fits.body()).isEqualTo(201);

        assertThat(t.journalRows()).isEqualTo(rows0 + 3);
        assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(buyer0 - 2500);
        assertThat(t.balanceOf(stall)).isEqualTo(stall0 + 2500);

        Api.Res mine = t.api.get("/api/v1/chips", buyer.token());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().at("/chips/0/spent_today").decimalValue()).isEqualByComparingTo("25");
        assertThat(mine.json().at("/chips/0/per_charge_limit").decimalValue()).isEqualByComparingTo("10");
        assertThat(mine.body()).doesNotContainIgnoringCase(plain);
        // Only the keyed hash is stored: neither form of the UID is anywhere in the chips table.
        String stored = t.db.reads()
                .withHandle(h -> h.createQuery("SELECT uid_hash FROM chips WHERE account_id = "
                                + "(SELECT id FROM accounts WHERE account_number = :n)")
                        .bind("n", buyer.accountNumber())
                        .mapTo(String.class)
                        .one());
        assertThat(stored).hasSize(64).doesNotContainIgnoringCase(plain);
        t.assertBooksBalance();
    }

    /** A player without a PIN: nothing above the limits, however it is asked. */
    static void noPinNoOverLimit(Terminals t) {
        String stall = t.api.player("ChipStallN").accountNumber();
        Api.Session buyer = t.api.player("ChipNoPin");
        Terminals.Key key = t.key(stall, "charge");
        String uid = uid();
        linked(t, uid, buyer.accountNumber(), "10", "100");
        long rows0 = t.journalRows();
        long b0 = t.balanceOf(buyer.accountNumber());
        Api.Res r = tap(t, key, charge(uid, "11", null));
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().at("/error").asText()).contains("no terminal PIN");
        Api.Res r2 = tap(t, key, charge(uid, "11", "1234"));
        assertThat(r2.status()).as(r2.body()).isEqualTo(400);
        assertThat(t.journalRows()).isEqualTo(rows0);
        assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(b0);
        // Below the limit a chip pays without a PIN, even when the player has one set.
        setPin(t, buyer, "1357");
        assertThat(tap(t, key, charge(uid, "10", null)).status()).isEqualTo(201);
        t.assertBooksBalance();
    }

    /** Retries with one Idempotency-Key move once, in sequence and at once from 10 threads. */
    static void idempotentRetries(Terminals t) throws Exception {
        String stall = t.api.player("ChipStallI").accountNumber();
        Api.Session buyer = t.api.player("ChipRetry");
        Terminals.Key key = t.key(stall, "charge");
        String uid = uid();
        linked(t, uid, buyer.accountNumber(), "10", "100");
        long b0 = t.balanceOf(buyer.accountNumber());
        Api.Res first = tap(t, key, charge(uid, "3", null), "Idempotency-Key", "tap-1");
        Api.Res again = tap(t, key, charge(uid, "3", null), "Idempotency-Key", "tap-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.json().at("/transaction/id").asLong())
                .isEqualTo(first.json().at("/transaction/id").asLong());
        Api.Res other = tap(t, key, charge(uid, "4", null), "Idempotency-Key", "tap-1");
        assertThat(other.status()).isEqualTo(422);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> tap(t, key, charge(uid, "2", null), "Idempotency-Key", "storm-1")
                        .status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(t.journalRows(buyer.accountNumber(), "storm-1")).isEqualTo(1);
        assertThat(t.journalRows(buyer.accountNumber(), "tap-1")).isEqualTo(1);
        assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(b0 - 500);
        t.assertBooksBalance();
    }

    /** 10 different taps at once on a chip with room for 3 today: exactly 3 move, on either database. */
    static void dayLimitUnderConcurrency(Terminals t) throws Exception {
        String stall = t.api.player("ChipStallC").accountNumber();
        Api.Session buyer = t.api.player("ChipRush");
        Terminals.Key key = t.keyWith(stall, "\"rate_limit_per_minute\":1000", "charge");
        String uid = uid();
        linked(t, uid, buyer.accountNumber(), "10", "30");
        long b0 = t.balanceOf(buyer.accountNumber());
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String idem = "rush-" + i;
                calls.add(() -> tap(t, key, charge(uid, "10", null), "Idempotency-Key", idem)
                        .status());
            }
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as(statuses.toString()).containsOnly(201, 400);
        assertThat(statuses.stream().filter(s -> s == 201).count())
                .as(statuses.toString())
                .isEqualTo(3);
        assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(b0 - 3000);
        Api.Res mine = t.api.get("/api/v1/chips", buyer.token());
        assertThat(mine.json().at("/chips/0/spent_today").decimalValue()).isEqualByComparingTo("30");
        t.assertBooksBalance();
    }

    /** A blocked chip is refused at once; only its player (or a GM) sees and blocks it. */
    static void blockAndAuthz(Terminals t) {
        String stall = t.api.player("ChipStallB").accountNumber();
        Api.Session owner = t.api.player("ChipOwner");
        Api.Session other = t.api.player("ChipOther");
        Terminals.Key key = t.key(stall, "charge");
        String uid = uid();
        long id = linked(t, uid, owner.accountNumber(), "10", "100");

        Api.Res theirs = t.api.get("/api/v1/chips", other.token());
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.json().at("/chips").size()).isZero();
        Api.Res steal = t.api.post("/api/v1/chips/" + id + "/block", other.token(), "");
        assertThat(steal.status()).isEqualTo(404);
        assertThat(t.api.get("/api/admin/chips", owner.token()).status()).isEqualTo(403);
        assertThat(t.api.post("/api/admin/chips/" + id + "/unblock", owner.token(), "")
                        .status())
                .isEqualTo(403);

        Api.Res blocked = t.api.post("/api/v1/chips/" + id + "/block", owner.token(), "");
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(200);
        assertThat(blocked.json().at("/chip/blocked").asBoolean()).isTrue();
        long rows0 = t.journalRows();
        long b0 = t.balanceOf(owner.accountNumber());
        Api.Res refused = tap(t, key, charge(uid, "1", null));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().at("/error").asText()).contains("blocked");
        // A PIN does not unblock a chip either.
        setPin(t, owner, "9753");
        assertThat(tap(t, key, charge(uid, "1", "9753")).status()).isEqualTo(403);
        assertThat(t.journalRows()).isEqualTo(rows0);
        assertThat(t.balanceOf(owner.accountNumber())).isEqualTo(b0);

        Api.Res unblock = t.api.post("/api/admin/chips/" + id + "/unblock", t.gm.token(), "");
        assertThat(unblock.status()).as(unblock.body()).isEqualTo(200);
        assertThat(tap(t, key, charge(uid, "1", null)).status()).isEqualTo(201);
        Api.Res limits = t.api.put(
                "/api/admin/chips/" + id + "/limits", t.gm.token(), "{\"per_charge_limit\":0,\"per_day_limit\":0}");
        assertThat(limits.status()).as(limits.body()).isEqualTo(200);
        assertThat(tap(t, key, charge(uid, "1", null)).status()).isEqualTo(400);
        assertThat(tap(t, key, charge(uid, "1", "9753")).status()).isEqualTo(201);
        Api.Res list = t.api.get("/api/admin/chips?account_number=" + owner.accountNumber(), t.gm.token());
        assertThat(list.json().at("/chips").size()).isEqualTo(1);
        assertThat(t.api.delete("/api/admin/chips/" + id, t.gm.token()).status())
                .isEqualTo(200);
        assertThat(tap(t, key, charge(uid, "1", null)).status()).isEqualTo(404);
        assertThat(t.api.get("/api/v1/chips", owner.token()).json().at("/chips").size())
                .isZero();
        t.assertBooksBalance();
    }

    /** Keys without the right scope neither charge nor enrol; an enrol desk needs the player's PIN. */
    static void scopesAndEnrol(Terminals t) {
        String stall = t.api.player("ChipDesk").accountNumber();
        Api.Session player = t.api.player("ChipEnrol");
        Terminals.Key read = t.key(stall, "balance:read");
        Terminals.Key enrolKey = t.key(stall, "chip:enrol");
        Terminals.Key chargeKey = t.key(stall, "charge");
        String uid = uid();
        String enrol = "{\"uid\":\"" + uid + "\",\"account_number\":\"" + player.accountNumber()
                + "\",\"label\":\"Ring\",\"pin\":\"4321\"}";

        assertThat(enrolAt(t, read, enrol).status()).isEqualTo(403);
        assertThat(enrolAt(t, chargeKey, enrol).status()).isEqualTo(403);
        Api.Res noPin = enrolAt(t, enrolKey, enrol);
        assertThat(noPin.status()).as(noPin.body()).isEqualTo(400);
        assertThat(noPin.json().at("/error").asText()).contains("no terminal PIN");
        setPin(t, player, "4321");
        Api.Res wrong = enrolAt(t, enrolKey, enrol.replace("4321", "0000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(t.api.get("/api/v1/chips", player.token())
                        .json()
                        .at("/chips")
                        .size())
                .isZero();
        Api.Res ok = enrolAt(t, enrolKey, enrol);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().at("/chip/label").asText()).isEqualTo("Ring");
        assertThat(enrolAt(t, enrolKey, enrol).status()).isEqualTo(409);

        long rows0 = t.journalRows();
        assertThat(tap(t, read, charge(uid, "1", null)).status()).isEqualTo(403);
        assertThat(tap(t, enrolKey, charge(uid, "1", null)).status()).isEqualTo(403);
        assertThat(t.api.post("/api/v1/external/chips/charge", null, charge(uid, "1", null))
                        .status())
                .isEqualTo(401);
        assertThat(t.journalRows()).isEqualTo(rows0);
        assertThat(tap(t, chargeKey, charge(uid, "1", null)).status()).isEqualTo(201);
        t.assertBooksBalance();
    }

    static Api.Res enrolAt(Terminals t, Terminals.Key key, String json) {
        return t.api.post("/api/v1/external/chips", null, json, "X-API-Key", key.value());
    }

    /** Bad input: a clear 4xx JSON error, and not a credit moved. */
    static void badInput(Terminals t) {
        String stall = t.api.player("ChipStallX").accountNumber();
        Api.Session buyer = t.api.player("ChipBad");
        Terminals.Key key = t.key(stall, "charge");
        String uid = uid();
        linked(t, uid, buyer.accountNumber(), "10", "100");
        long rows0 = t.journalRows();
        long b0 = t.balanceOf(buyer.accountNumber());
        String[] bodies = {
            "",
            "null",
            "{}",
            "{\"amount\":1}",
            "{\"uid\":\"zz:zz:zz:zz\",\"amount\":1}",
            "{\"uid\":\"04:01\",\"amount\":1}",
            "{\"uid\":12345678,\"amount\":1}",
            "{\"uid\":\"" + "ab".repeat(40) + "\",\"amount\":1}",
            "{\"uid\":\"04:00:00:00:00:00:01\",\"amount\":1}",
            "{\"uid\":\"" + uid + "\"}",
            "{\"uid\":\"" + uid + "\",\"amount\":0}",
            "{\"uid\":\"" + uid + "\",\"amount\":-1}",
            "{\"uid\":\"" + uid + "\",\"amount\":1.001}",
            "{\"uid\":\"" + uid + "\",\"amount\":true}",
            "{\"uid\":\"" + uid + "\",\"amount\":1e12}",
            "{\"uid\":\"" + uid + "\",\"amount\":1,\"memo\":\"" + "m".repeat(500) + "\"}",
            "{\"uid\":\"" + uid + "\",\"amount\":1,\"uid\":\"" + uid + "\"}",
            "[1]",
        };
        for (String body : bodies) {
            Api.Res r = tap(t, key, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isBetween(400, 499);
            assertThat(r.json().at("/error").asText()).as(body).isNotBlank();
        }
        String[] links = {
            "{\"uid\":\"nothex\",\"account_number\":\"" + buyer.accountNumber() + "\"}",
            "{\"uid\":\"" + uid() + "\",\"account_number\":\"NB-0000-0000\"}",
            "{\"uid\":\"" + uid() + "\"}",
            "{\"uid\":\"" + uid() + "\",\"account_number\":\"" + buyer.accountNumber() + "\",\"per_charge_limit\":-1}",
            "{\"uid\":\"" + uid() + "\",\"account_number\":\"" + buyer.accountNumber() + "\",\"per_day_limit\":1e13}",
            "{\"uid\":\"" + uid() + "\",\"account_number\":\"" + buyer.accountNumber() + "\",\"label\":\""
                    + "l".repeat(41) + "\"}",
            "{\"uid\":\"" + uid + "\",\"account_number\":\"" + buyer.accountNumber() + "\"}",
        };
        for (String body : links) {
            Api.Res r = t.api.post("/api/admin/chips", t.gm.token(), body);
            assertThat(r.status()).as(body + " -> " + r.body()).isBetween(400, 499);
            assertThat(r.json().at("/error").asText()).as(body).isNotBlank();
        }
        assertThat(t.api.post("/api/admin/chips/abc/block", t.gm.token(), "").status())
                .isEqualTo(404);
        assertThat(t.api.post("/api/admin/chips/999999/block", t.gm.token(), "").status())
                .isEqualTo(404);
        assertThat(t.api.get("/api/admin/chips?limit=0", t.gm.token()).status()).isEqualTo(400);
        assertThat(t.journalRows()).isEqualTo(rows0);
        assertThat(t.balanceOf(buyer.accountNumber())).isEqualTo(b0);
        assertThat(t.api.get("/api/v1/chips", buyer.token()).json().at("/chips").size())
                .isEqualTo(1);
        t.assertBooksBalance();
    }
}
