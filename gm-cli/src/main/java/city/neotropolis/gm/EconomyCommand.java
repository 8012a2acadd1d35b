package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** The economy at a glance. */
@Command(name = "economy", description = "The economy at a glance.")
final class EconomyCommand extends GmCommand {

    @Command(name = "stats", description = "Money supply, accounts, transactions, casino figures.")
    int stats() {
        JsonNode reply = api().get("/api/admin/stats");
        return show(reply, o -> Table.printObject(reply, o, colour()));
    }
}
