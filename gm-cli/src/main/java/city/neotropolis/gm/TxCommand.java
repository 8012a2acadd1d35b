package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The journal: every movement of credits, newest first, or followed as it grows. */
@Command(name = "tx", description = "Read and follow the journal of transactions.")
final class TxCommand extends GmCommand {
    private static final int PAGE = 100;

    @Command(name = "list", description = "The latest transactions, newest first.")
    int list(
            @Option(names = "--limit", paramLabel = "N", defaultValue = "20") int limit,
            @Option(names = "--offset", paramLabel = "N", defaultValue = "0") int offset,
            @Option(names = "--account", paramLabel = "ACCT", description = "Only this account's.") String account) {
        String path = "/api/admin/transactions?limit=" + limit + "&offset=" + offset
                + (account == null ? "" : "&account=" + Api.query(account));
        JsonNode reply = api().get(path);
        return show(reply, o -> {
            Table t = txTable();
            reply.path("transactions").forEach(tx -> txRow(t, tx));
            table(t);
        });
    }

    @Command(
            name = "reverse",
            description = "Undo a mistaken movement: the same amount moves back once, linked to the original. "
                    + "Casino spins are not reversible.")
    int reverse(
            @Parameters(paramLabel = "ID", description = "The transaction to undo.") long id,
            @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Kept in the audit log.")
                    String reason) {
        JsonNode reply = api().post(
                        "/api/admin/transactions/" + id + "/reverse",
                        Api.object().put("reason", reason));
        return show(reply, o -> {
            o.println(reply.path("message").asText("Reversed"));
            Table t = txTable();
            txRow(t, reply.path("original"));
            txRow(t, reply.path("reversal"));
            table(t);
        });
    }

    @Command(
            name = "tail",
            description = "Follow new transactions as they happen (Ctrl-C stops). A transaction that commits "
                    + "after a newer one (PostgreSQL hands out ids before commit) is still shown, when it commits.")
    int tail(
            @Option(
                            names = "--after",
                            paramLabel = "ID",
                            description = "Start after this transaction id (default: the newest now).")
                    Long after,
            @Option(
                            names = "--interval",
                            paramLabel = "MS",
                            defaultValue = "1000",
                            description = "Milliseconds between polls (default ${DEFAULT-VALUE}).")
                    long interval,
            @Option(names = "--count", paramLabel = "N", description = "Stop after N transactions.") Integer count,
            @Option(names = "--max-polls", paramLabel = "N", description = "Stop after N polls.") Integer maxPolls) {
        Api api = api();
        long start = after != null ? after : newestId(api);
        if (!json()) {
            err().println("Following transactions after #" + start + " on " + api.base() + " (Ctrl-C to stop)");
            err().flush();
        }
        Follower follower = new Follower(api, start);
        int shown = 0;
        for (int polls = 1; ; polls++) {
            Follower.Poll poll = follower.poll();
            for (JsonNode tx : poll.rows()) {
                printLine(out(), tx);
                if (count != null && ++shown >= count) {
                    return OK;
                }
            }
            if (maxPolls != null && polls >= maxPolls) {
                return OK;
            }
            if (!poll.more() && !pause(interval)) {
                if (!json()) {
                    err().println();
                    err().flush();
                }
                return OK;
            }
        }
    }

    /**
     * Follows the journal without gaps. Ids are handed out before commit: on PostgreSQL a slow
     * transaction can commit id 101 after 102 was read. Every id skipped over is remembered and asked
     * for again on each poll until it appears or {@link #GAP_WAIT_MS} has passed (a rolled-back
     * transaction leaves its id unused for ever).
     */
    static final class Follower {
        static final long GAP_WAIT_MS = 30_000;
        static final int MAX_GAPS = 10_000;
        private final Api api;
        private final TreeMap<Long, Long> gaps = new TreeMap<>();
        private long last;

        /** What one poll found, oldest first, and whether more rows are waiting right now. */
        record Poll(List<JsonNode> rows, boolean more) {}

        Follower(Api api, long start) {
            this.api = api;
            this.last = start;
        }

        Poll poll() {
            List<JsonNode> found = new ArrayList<>();
            long now = System.currentTimeMillis();
            for (Long id : List.copyOf(gaps.keySet())) {
                JsonNode first = api.get("/api/admin/transactions?after_id=" + (id - 1) + "&limit=1")
                        .path("transactions")
                        .path(0);
                if (first.path("id").asLong(-1) == id) {
                    found.add(first);
                    gaps.remove(id);
                } else if (now - gaps.get(id) > GAP_WAIT_MS) {
                    gaps.remove(id);
                }
            }
            JsonNode rows = api.get("/api/admin/transactions?after_id=" + last + "&limit=" + PAGE)
                    .path("transactions");
            for (JsonNode tx : rows) {
                long id = tx.path("id").asLong();
                for (long missing = last + 1; missing < id && gaps.size() < MAX_GAPS; missing++) {
                    gaps.put(missing, now);
                }
                last = Math.max(last, id);
                found.add(tx);
            }
            return new Poll(found, rows.size() >= PAGE);
        }
    }

    private static long newestId(Api api) {
        JsonNode newest = api.get("/api/admin/transactions?limit=1&offset=0").path("transactions");
        return newest.isEmpty() ? 0 : newest.get(0).path("id").asLong();
    }

    /** False when interrupted (Ctrl-C in the shell): following simply ends. */
    private static boolean pause(long ms) {
        try {
            Thread.sleep(ms);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void printLine(PrintWriter o, JsonNode tx) {
        if (json()) {
            o.println(tx.toString()); // one object per line, for jq and friends
        } else {
            o.printf(
                    "#%-6s %s  %-16s %s -> %s  %s  %s%n",
                    Table.text(tx.get("id")),
                    Table.text(tx.get("timestamp")),
                    Table.text(tx.get("type")),
                    party(tx, "from"),
                    party(tx, "to"),
                    Table.text(tx.get("amount")),
                    memo(tx));
        }
        o.flush();
    }

    static Table txTable() {
        return new Table("ID", "TIME", "TYPE", "FROM", "TO", "AMOUNT", "MEMO");
    }

    static void txRow(Table t, JsonNode tx) {
        t.row(
                tx.get("id"),
                tx.get("timestamp"),
                tx.get("type"),
                party(tx, "from"),
                party(tx, "to"),
                tx.get("amount"),
                memo(tx));
    }

    /** The memo, with the reversal link where there is one. */
    static String memo(JsonNode tx) {
        String memo = Table.text(tx.get("memo"));
        if (tx.hasNonNull("reversed_by")) {
            memo += " [reversed by #" + tx.get("reversed_by").asText() + "]";
        }
        if (tx.hasNonNull("reversal_of")) {
            memo += " [reverses #" + tx.get("reversal_of").asText() + "]";
        }
        return memo;
    }

    private static String party(JsonNode tx, String side) {
        String acct = Table.text(tx.get(side + "_account"));
        String name = Table.text(tx.get(side + "_name"));
        return name.isEmpty() ? acct : acct + " " + name;
    }
}
