package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Stipends: scheduled pay from the mint to every player, a faction or listed accounts. */
@Command(
        name = "stipends",
        description = "Scheduled pay: list, show, create, edit, pause, resume, delete, run what is due.")
final class StipendsCommand extends GmCommand {

    /** What a stipend is: the same options for create and edit (an edit replaces the whole definition). */
    static final class Definition {
        @Option(names = "--name", required = true, paramLabel = "TEXT", description = "Also the payments' memo.")
        String name;

        @Option(names = "--amount", required = true, paramLabel = "N", description = "Credits per recipient and slot.")
        BigDecimal amount;

        @Option(names = "--all", description = "Pay every player (not GMs).")
        boolean all;

        @Option(names = "--faction", paramLabel = "NAME", description = "Pay every member of this faction.")
        String faction;

        @Option(
                names = "--account",
                split = ",",
                paramLabel = "ACCT",
                description = "Pay these accounts (repeat or separate with commas).")
        List<String> accounts;

        @Option(names = "--daily", paramLabel = "HH:MM", description = "Every day at this local time (event zone).")
        String daily;

        @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day (with --daily).")
        String from;

        @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Last day (with --daily).")
        String until;

        @Option(
                names = "--once",
                paramLabel = "WHEN",
                description = "Once, e.g. 2026-06-13T18:00 (event zone) or 2026-06-13T16:00Z.")
        String once;

        @Option(
                names = "--catch-up",
                paramLabel = "pay|skip",
                defaultValue = "pay",
                description =
                        "A slot missed while the service was down: pay it late or skip it (default ${DEFAULT-VALUE}).")
        String catchUp;

        ObjectNode body() {
            ObjectNode b = Api.object().put("name", name).put("amount", amount).put("catch_up", catchUp);
            if (faction != null) {
                b.put("recipients", "faction").put("faction", faction);
            } else if (accounts != null && !accounts.isEmpty()) {
                ArrayNode list = b.put("recipients", "accounts").putArray("accounts");
                accounts.forEach(list::add);
            } else {
                // --all, or nothing said: the server wants a choice, so say "all" only when asked.
                b.put("recipients", all ? "all" : "");
            }
            if (once != null) {
                b.put("schedule", "once").put("at", once);
            } else {
                b.put("schedule", "daily").put("time", daily).put("from", from).put("until", until);
            }
            return b;
        }
    }

    @Command(name = "list", description = "Every stipend with its next payday.")
    int list() {
        JsonNode reply = api().get("/api/admin/stipends");
        return show(reply, o -> {
            Table t = new Table("ID", "NAME", "AMOUNT", "TO", "WHEN", "CATCH-UP", "PAUSED", "NEXT");
            reply.path("stipends")
                    .forEach(s -> t.row(
                            s.get("id"),
                            s.get("name"),
                            s.get("amount"),
                            to(s),
                            when(s),
                            s.get("catch_up"),
                            s.get("paused"),
                            s.get("next_slot")));
            table(t);
        });
    }

    @Command(name = "show", description = "One stipend and the history of its slots (paid, skipped, frozen).")
    int show(@Parameters(paramLabel = "ID") long id) {
        JsonNode reply = api().get("/api/admin/stipends/" + id);
        return show(reply, o -> {
            JsonNode s = reply.path("stipend");
            o.println("#" + Table.text(s.get("id")) + " " + Table.text(s.get("name")) + ": "
                    + Table.text(s.get("amount")) + " to " + to(s) + ", " + when(s) + " ("
                    + Table.text(s.get("time_zone"))
                    + "), catch-up " + Table.text(s.get("catch_up"))
                    + (s.path("paused").asBoolean() ? ", PAUSED" : "")
                    + ", next "
                    + (s.path("next_slot").isNull()
                            ? "none"
                            : s.path("next_slot").asText()));
            Table t = new Table("SLOT", "LOCAL", "STATUS", "PAID", "TOTAL", "SKIPPED (FROZEN)");
            reply.path("slots")
                    .forEach(x -> t.row(
                            x.get("slot_at"),
                            x.get("local_time"),
                            x.get("status"),
                            x.get("paid_count"),
                            x.get("total"),
                            String.join(" ", strings(x.path("skipped_frozen")))));
            table(t);
        });
    }

    @Command(name = "create", description = "Define a stipend: --all, --faction or --account; --daily or --once.")
    int create(@Mixin Definition d) {
        return message(api().post("/api/admin/stipends", d.body()));
    }

    @Command(name = "edit", description = "Replace a stipend's definition (same options as create).")
    int edit(@Parameters(paramLabel = "ID") long id, @Mixin Definition d) {
        return message(api().put("/api/admin/stipends/" + id, d.body()));
    }

    @Command(name = "pause", description = "Stop paying until resumed.")
    int pause(@Parameters(paramLabel = "ID") long id) {
        return message(api().post("/api/admin/stipends/" + id + "/pause", Api.object()));
    }

    @Command(name = "resume", description = "Pay again from now on (slots missed while paused are not paid).")
    int resume(@Parameters(paramLabel = "ID") long id) {
        return message(api().post("/api/admin/stipends/" + id + "/resume", Api.object()));
    }

    @Command(name = "delete", description = "Stop a stipend for good; what it paid stays in the journal.")
    int delete(@Parameters(paramLabel = "ID") long id) {
        return message(api().delete("/api/admin/stipends/" + id));
    }

    @Command(name = "run", description = "Pay what is due now instead of waiting for the scheduler.")
    int run() {
        return message(api().post("/api/admin/stipends/run-due", Api.object()));
    }

    private static String to(JsonNode s) {
        return switch (s.path("recipients").asText()) {
            case "faction" -> "faction " + s.path("faction").asText();
            case "accounts" -> String.join(",", strings(s.path("accounts")));
            default -> "every player";
        };
    }

    private static String when(JsonNode s) {
        return "once".equals(s.path("schedule").asText())
                ? "once at " + s.path("at").asText()
                : "daily " + s.path("time").asText() + " " + s.path("from").asText() + ".."
                        + s.path("until").asText();
    }

    private static List<String> strings(JsonNode array) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
