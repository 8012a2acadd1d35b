package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Factions: who belongs, what they hold, and grants to every member at once. */
@Command(name = "factions", description = "Factions: list, create, grant credits to every member.")
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
