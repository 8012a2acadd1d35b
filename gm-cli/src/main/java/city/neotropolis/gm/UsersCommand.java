package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Finding and fixing characters' accounts. */
@Command(name = "users", description = "Find, create, import, export and fix characters' accounts.")
final class UsersCommand extends GmCommand {

    @Command(name = "search", description = "Find characters by name or account number (up to 20).")
    int search(@Parameters(paramLabel = "Q", description = "Part of a name or an account number.") String q) {
        JsonNode reply = api().get("/api/admin/users/search?q=" + Api.query(q));
        return show(reply, o -> {
            Table t = userTable();
            reply.path("users").forEach(u -> userRow(t, u));
            table(t);
            if (t.isEmpty()) {
                o.println("(no match)");
            }
        });
    }

    @Command(name = "show", description = "One account with its totals sent and received.")
    int show(@Parameters(paramLabel = "ACCT") String acct) {
        JsonNode reply = api().get(userPath(acct));
        JsonNode u = reply.path("user");
        return show(
                reply,
                o -> table(new Table("KEY", "VALUE")
                        .row("character_name", u.get("character_name"))
                        .row("account_number", u.get("account_number"))
                        .row("faction", u.get("faction"))
                        .row("balance", u.get("balance"))
                        .row("is_admin", u.get("is_admin"))
                        .row("is_frozen", u.get("is_frozen"))
                        .row("free_spins", u.get("free_spins"))
                        .row("created_at", u.get("created_at"))
                        .row("total_sent", reply.get("total_sent"))
                        .row("total_received", reply.get("total_received"))));
    }

    @Command(name = "create", description = "Create a character (an NPC, a vendor, a late arrival).")
    int create(
            @Parameters(paramLabel = "NAME") String name,
            @Option(names = "--password-stdin", description = "Read the password from one line of stdin.")
                    boolean passwordStdin,
            @Option(names = "--faction", paramLabel = "F") String faction,
            @Option(names = "--balance", paramLabel = "N", description = "Starting balance.") BigDecimal balance) {
        ObjectNode body = Api.object().put("character_name", name);
        if (passwordStdin) {
            body.put("password", gm().io().secret("", true));
        }
        if (faction != null) {
            body.put("faction", faction);
        }
        if (balance != null) {
            body.put("balance", balance);
        }
        JsonNode reply = api().post("/api/admin/users", body);
        JsonNode u = reply.path("user");
        return show(
                reply,
                o -> o.println(
                        "Created " + Table.text(u.get("character_name")) + " (" + Table.text(u.get("account_number"))
                                + ") with balance " + Table.text(u.get("balance")) + "."));
    }

    @Command(
            name = "import",
            description = "Create characters from a CSV file: character_name,password,faction,balance, "
                    + "or columns named by a header (a users export imports as it is). "
                    + "Exit code 1 when any row failed.")
    int importCsv(@Parameters(paramLabel = "FILE") Path file) {
        String csv;
        try {
            csv = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw GmException.usage("cannot read " + file + ": " + e.getMessage());
        }
        JsonNode reply = api().post("/api/admin/users/import", "text/csv; charset=utf-8", csv);
        show(reply, o -> {
            Table t = new Table("LINE", "NAME", "OK", "ACCOUNT / ERROR");
            reply.path("rows")
                    .forEach(r -> t.row(
                            r.get("line"),
                            r.get("character_name"),
                            r.get("ok"),
                            r.path("ok").asBoolean() ? r.get("account_number") : r.get("error")));
            table(t);
            o.println(reply.path("created").asInt() + " created, "
                    + reply.path("failed").asInt() + " failed.");
        });
        return reply.path("failed").asInt() > 0 ? GmException.REFUSED : OK;
    }

    @Command(name = "export", description = "Save every character as CSV (FILE '-' prints it).")
    int export(@Parameters(paramLabel = "FILE") String file) {
        String csv = api().text("/api/admin/users/export");
        if ("-".equals(file)) {
            out().print(csv);
            out().flush();
            return OK;
        }
        try {
            Files.writeString(Path.of(file), csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw GmException.refused("cannot write " + file + ": " + e.getMessage());
        }
        long rows = csv.lines().count() - 1;
        return show(
                Api.object().put("file", file).put("rows", Math.max(rows, 0)),
                o -> o.println("Exported " + Math.max(rows, 0) + " characters to " + file + "."));
    }

    @Command(name = "adjust", description = "Mint (positive) or burn (negative) credits on an account, with a reason.")
    int adjust(
            @Parameters(paramLabel = "ACCT") String acct,
            @Parameters(paramLabel = "AMOUNT", description = "Credits, e.g. 50 or -12.5.") BigDecimal amount,
            @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason) {
        JsonNode reply = api().post(
                        userPath(acct) + "/adjust-balance",
                        Api.object().put("amount", amount).put("reason", reason));
        return show(reply, o -> {
            o.println(reply.path("message").asText("Balance adjusted"));
            Table t = TxCommand.txTable();
            TxCommand.txRow(t, reply.path("transaction"));
            table(t);
        });
    }

    @Command(name = "freeze", description = "Freeze an account: no logins, no payments out.")
    int freeze(
            @Parameters(paramLabel = "ACCT") String acct,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Kept in the audit log.") String reason) {
        return userReply(api().post(userPath(acct) + "/freeze", withReason(reason)));
    }

    @Command(name = "unfreeze", description = "Unfreeze an account.")
    int unfreeze(
            @Parameters(paramLabel = "ACCT") String acct,
            @Option(names = "--reason", paramLabel = "TEXT", description = "Kept in the audit log.") String reason) {
        return userReply(api().post(userPath(acct) + "/unfreeze", withReason(reason)));
    }

    private static ObjectNode withReason(String reason) {
        ObjectNode body = Api.object();
        return reason == null ? body : body.put("reason", reason);
    }

    @Command(name = "reset-password", description = "Set a new password for a character.")
    int resetPassword(
            @Parameters(paramLabel = "ACCT") String acct,
            @Option(names = "--password-stdin", description = "Read the password from one line of stdin.")
                    boolean passwordStdin) {
        String password = gm().io().secret("New password for " + acct + ": ", passwordStdin);
        return message(
                api().post(userPath(acct) + "/reset-password", Api.object().put("new_password", password)));
    }

    @Command(name = "promote", description = "Make a character a GM.")
    int promote(@Parameters(paramLabel = "ACCT") String acct) {
        return setAdmin(acct, true);
    }

    @Command(name = "demote", description = "Take GM rights away from a character.")
    int demote(@Parameters(paramLabel = "ACCT") String acct) {
        return setAdmin(acct, false);
    }

    /** The server only toggles; read first so that promote and demote are safe to repeat. */
    private int setAdmin(String acct, boolean admin) {
        Api api = api();
        JsonNode current = api.get(userPath(acct));
        if (current.path("user").path("is_admin").asBoolean() == admin) {
            ObjectNode same = Api.object();
            same.put(
                    "message",
                    Table.text(current.path("user").get("character_name"))
                            + (admin ? " is already a GM" : " is not a GM"));
            same.set("user", current.path("user"));
            return userReply(same);
        }
        return userReply(api.post(userPath(acct) + "/toggle-admin", Api.object()));
    }

    private int userReply(JsonNode reply) {
        return show(reply, o -> {
            o.println(reply.path("message").asText("done"));
            if (reply.has("user")) {
                Table t = userTable();
                userRow(t, reply.get("user"));
                table(t);
            }
        });
    }

    private static String userPath(String acct) {
        return "/api/admin/users/" + Api.segment(acct);
    }

    static Table userTable() {
        return new Table("ACCOUNT", "NAME", "FACTION", "BALANCE", "GM", "FROZEN");
    }

    static void userRow(Table t, JsonNode u) {
        t.row(
                u.get("account_number"),
                u.get("character_name"),
                u.get("faction"),
                u.get("balance"),
                u.get("is_admin"),
                u.get("is_frozen"));
    }
}
