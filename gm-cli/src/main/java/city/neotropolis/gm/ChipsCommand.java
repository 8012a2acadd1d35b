package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Chips (NFC tags): link a tag's UID to a player, block, unblock, set limits, unlink. */
@Command(name = "chips", description = "NFC chips: list, link a tag to a player, block, unblock, set limits, unlink.")
final class ChipsCommand extends GmCommand {

    @Command(name = "list", description = "Chips (never their UIDs: the service keeps only a keyed hash).")
    int list(
            @Option(names = "--account", paramLabel = "ACCT", description = "Only this player's chips.")
                    String account) {
        JsonNode reply =
                api().get("/api/admin/chips" + (account == null ? "" : "?account_number=" + Api.query(account)));
        return show(reply, o -> {
            Table t =
                    new Table("ID", "LABEL", "ACCOUNT", "PER CHARGE", "PER DAY", "SPENT TODAY", "BLOCKED", "LAST USED");
            reply.path("chips")
                    .forEach(c -> t.row(
                            c.get("id"),
                            c.get("label"),
                            c.get("account_number"),
                            c.get("per_charge_limit"),
                            c.get("per_day_limit"),
                            c.get("spent_today"),
                            c.get("blocked"),
                            c.get("last_used")));
            table(t);
        });
    }

    @Command(name = "link", description = "Link a tag (its UID in hex, as a reader prints it) to a player.")
    int link(
            @Option(names = "--uid", required = true, paramLabel = "HEX") String uid,
            @Option(names = "--account", required = true, paramLabel = "ACCT") String account,
            @Option(names = "--label", paramLabel = "TEXT", description = "What the player calls it.") String label,
            @Option(names = "--per-charge", paramLabel = "N", description = "Above this a charge needs the PIN.")
                    BigDecimal perCharge,
            @Option(names = "--per-day", paramLabel = "N", description = "Above this a day's charges need the PIN.")
                    BigDecimal perDay) {
        ObjectNode body = Api.object().put("uid", uid).put("account_number", account);
        if (label != null) {
            body.put("label", label);
        }
        if (perCharge != null) {
            body.put("per_charge_limit", perCharge);
        }
        if (perDay != null) {
            body.put("per_day_limit", perDay);
        }
        JsonNode reply = api().post("/api/admin/chips", body);
        return show(
                reply,
                o -> o.println(reply.path("message").asText("Chip linked") + " (id "
                        + Table.text(reply.path("chip").get("id")) + ")."));
    }

    @Command(name = "block", description = "Block a chip at once: it cannot pay.")
    int block(@Parameters(paramLabel = "ID") long id) {
        return message(api().post("/api/admin/chips/" + id + "/block", Api.object()));
    }

    @Command(name = "unblock", description = "Let a blocked chip pay again.")
    int unblock(@Parameters(paramLabel = "ID") long id) {
        return message(api().post("/api/admin/chips/" + id + "/unblock", Api.object()));
    }

    @Command(name = "limits", description = "Set a chip's limits (0 means the PIN for every charge).")
    int limits(
            @Parameters(paramLabel = "ID") long id,
            @Option(names = "--per-charge", required = true, paramLabel = "N") BigDecimal perCharge,
            @Option(names = "--per-day", required = true, paramLabel = "N") BigDecimal perDay) {
        return message(api().put(
                        "/api/admin/chips/" + id + "/limits",
                        Api.object().put("per_charge_limit", perCharge).put("per_day_limit", perDay)));
    }

    @Command(name = "unlink", description = "Remove a chip for good (its tag can then be linked again).")
    int unlink(@Parameters(paramLabel = "ID") long id) {
        return message(api().delete("/api/admin/chips/" + id));
    }
}
