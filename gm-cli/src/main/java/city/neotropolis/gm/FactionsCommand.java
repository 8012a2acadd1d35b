package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Factions: who belongs (a GM decides; players only ask), what they hold, and grants to every member at once. */
@Command(
        name = "factions",
        description = "Factions: list, create, grant credits to every member; confirm or turn down players' requests.")
final class FactionsCommand extends GmCommand {

    @Command(name = "list", description = "Each faction with its members and their total balance.")
    int list() {
        JsonNode reply = api().get("/api/admin/factions/list");
        return show(reply, o -> {
            Table t = new Table("FACTION", "MEMBERS", "TOTAL BALANCE");
            reply.path("factions").forEach(f -> t.row(f.get("faction"), f.get("user_count"), f.get("total_balance")));
            table(t);
        });
    }

    @Command(name = "create", description = "Create a faction.")
    int create(
            @Parameters(paramLabel = "NAME") String name,
            @Option(names = "--description", paramLabel = "D") String description) {
        ObjectNode body = Api.object().put("name", name);
        if (description != null) {
            body.put("description", description);
        }
        return message(api().post("/api/admin/factions/create", body));
    }

    @Command(name = "requests", description = "Players' pending requests to join a faction.")
    int requests() {
        JsonNode reply = api().get("/api/admin/factions/requests");
        return show(reply, o -> {
            Table t = new Table("ACCOUNT", "CHARACTER", "FACTION NOW", "ASKS TO JOIN");
            reply.path("requests")
                    .forEach(q -> t.row(
                            q.get("account_number"), q.get("character_name"), q.get("faction"), q.get("requested")));
            table(t);
        });
    }

    @Command(
            name = "confirm",
            description = "Make a character a member: of FACTION, or of the faction they asked for when omitted.")
    int confirm(
            @Parameters(paramLabel = "ACCOUNT") String account,
            @Parameters(paramLabel = "FACTION", arity = "0..1") String faction) {
        String f = faction;
        if (f == null) {
            for (JsonNode q : api().get("/api/admin/factions/requests").path("requests")) {
                if (q.path("account_number").asText().equalsIgnoreCase(account.trim())) {
                    f = q.path("requested").asText();
                }
            }
            if (f == null) {
                throw new GmException(
                        GmException.REFUSED, account + " has no pending faction request; name the FACTION to set one");
            }
        }
        return message(api().put(
                        "/api/admin/factions/members/" + Api.segment(account),
                        Api.object().put("faction", f)));
    }

    @Command(name = "remove", description = "Take a character out of their faction.")
    int remove(@Parameters(paramLabel = "ACCOUNT") String account) {
        return message(api().put(
                        "/api/admin/factions/members/" + Api.segment(account),
                        Api.object().put("faction", "")));
    }

    @Command(name = "reject", description = "Turn down a character's request to join a faction.")
    int reject(@Parameters(paramLabel = "ACCOUNT") String account) {
        return message(api().delete("/api/admin/factions/requests/" + Api.segment(account)));
    }

    @Command(name = "grant", description = "Give AMOUNT credits to every member of a faction, with a reason.")
    int grant(
            @Parameters(paramLabel = "NAME") String name,
            @Parameters(paramLabel = "AMOUNT") BigDecimal amount,
            @Option(names = "--reason", required = true, paramLabel = "TEXT") String reason) {
        JsonNode reply = api().post(
                        "/api/admin/factions/" + Api.segment(name) + "/add-credits",
                        Api.object().put("amount", amount).put("reason", reason));
        return show(reply, o -> o.println(reply.path("message").asText("Credits granted") + "."));
    }
}
