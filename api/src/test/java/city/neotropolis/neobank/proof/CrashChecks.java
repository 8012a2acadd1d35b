package city.neotropolis.neobank.proof;

import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.proof.IntentLog.Intent;
import city.neotropolis.neobank.proof.IntentLog.State;
import city.neotropolis.neobank.support.Api;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * The end-of-run judgement. Every violation is a line of text; a correct bank has none:
 * each acknowledged operation is in the journal exactly once and as acknowledged, refused and
 * unknown ones moved nothing, every balance is what the acknowledged operations say, and the
 * books verify.
 */
final class CrashChecks {
    /** A journal row that carries an idempotency key. */
    record Row(long id, String key, Operation.Move move) {}

    private final List<String> violations = new ArrayList<>();
    private String verify = "not run";
    private String via = "none";

    List<String> violations() {
        return violations;
    }

    String verify() {
        return verify;
    }

    String via() {
        return via;
    }

    /** With the service up: every player's balance through the API equals the expected-balances model. */
    void balances(Api api, CrashClient client, List<Long> start, List<Intent> intents) {
        balances(api, client::player, start, intents);
    }

    /** The same, for the players as {@code player} finds them now (a run may have logged them in again). */
    void balances(Api api, java.util.function.IntFunction<Api.Session> player, List<Long> start, List<Intent> intents) {
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < start.size(); i++) {
            expected.put(player.apply(i).accountNumber(), start.get(i));
        }
        for (Intent in : intents) {
            if (in.state == State.ACKED) {
                for (Operation.Move m : in.ack.moves()) {
                    expected.computeIfPresent(m.fromAccount(), (k, v) -> v - m.hundredths());
                    expected.computeIfPresent(m.toAccount(), (k, v) -> v + m.hundredths());
                }
            }
        }
        for (int i = 0; i < start.size(); i++) {
            Api.Session p = player.apply(i);
            long actual = api.balance(p);
            if (actual != expected.get(p.accountNumber())) {
                violations.add("balance of " + p.accountNumber() + " is " + actual
                        + " but the acknowledged operations say " + expected.get(p.accountNumber()));
            }
        }
    }

    /** With the service up: the GM route, if this build has it. Returns false when it does not (404). */
    boolean verifyRoute(Api api) {
        Api.Res r = api.get(
                "/api/admin/ledger/verify",
                api.login(CrashRun.GM_NAME, CrashRun.GM_PASSWORD).token());
        if (r.status() == 404) {
            return false;
        }
        via = "api";
        if (r.status() != 200 || r.json() == null || !r.json().path("ok").asBoolean(false)) {
            verify = "failed";
            violations.add("GET /api/admin/ledger/verify answered " + r.status() + " " + r.body());
        } else {
            verify = "ok";
        }
        return true;
    }

    /** With the service stopped: the invariants checked directly on the database the service left. */
    void verifyDirectly(Handle h) {
        via = "direct";
        LedgerVerifier.Report report = LedgerVerifier.verify(h);
        verify = report.ok() ? "ok" : "failed";
        if (!report.ok()) {
            violations.add("ledger verify: " + report.violation());
        }
    }

    /** With the service stopped: the journal holds exactly the acknowledged operations, once each. */
    void journal(Handle h, List<Intent> intents) {
        List<Row> rows = h.createQuery(
                        "SELECT t.id, t.idempotency_key, f.account_number, o.account_number, t.amount, t.type "
                                + "FROM transactions t JOIN accounts f ON f.id = t.from_account_id "
                                + "JOIN accounts o ON o.id = t.to_account_id WHERE t.idempotency_key IS NOT NULL")
                .map((rs, ctx) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        new Operation.Move(rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6))))
                .list();
        Map<String, List<Row>> byKey = rows.stream().collect(Collectors.groupingBy(Row::key));
        Map<String, Long> expectedByType = new HashMap<>();
        for (Intent in : intents) {
            List<Row> found = byKey.getOrDefault(in.key, List.of());
            switch (in.state) {
                case ACKED -> {
                    in.ack.moves().forEach(m -> expectedByType.merge(m.type(), 1L, Long::sum));
                    List<Long> ids = found.stream().map(Row::id).sorted().toList();
                    List<Operation.Move> moves = found.stream().map(Row::move).toList();
                    boolean idsMatch = in.ack.journalIds() == null
                            || ids.equals(in.ack.journalIds().stream().sorted().toList());
                    if (!idsMatch || !sameMoves(moves, in.ack.moves())) {
                        violations.add("acknowledged " + in + " has journal rows " + found + ", expected ids "
                                + in.ack.journalIds() + " with " + in.ack.moves());
                    }
                }
                case REFUSED -> {
                    if (!found.isEmpty()) {
                        violations.add("refused " + in + " moved money anyway: " + found);
                    }
                }
                case UNKNOWN, ANOMALY -> violations.add("never resolved or contradictory: " + in + " rows " + found);
            }
        }
        Set<String> known = intents.stream().map(i -> i.key).collect(Collectors.toSet());
        byKey.keySet().stream()
                .filter(k -> !known.contains(k))
                .forEach(k -> violations.add("journal rows under a key nobody sent: " + byKey.get(k)));
        // No movement of these kinds outside the acknowledged operations, with a key or without.
        expectedByType.forEach((type, expected) -> {
            long journalled = h.createQuery("SELECT COUNT(*) FROM transactions WHERE type = :t")
                    .bind("t", type)
                    .mapTo(Long.class)
                    .one();
            if (journalled != expected) {
                violations.add(journalled + " journal rows of type " + type + " for " + expected + " acknowledged");
            }
        });
    }

    private static boolean sameMoves(List<Operation.Move> a, List<Operation.Move> b) {
        return a.size() == b.size() && new ArrayList<>(a).containsAll(b) && new ArrayList<>(b).containsAll(a);
    }
}
