package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** The ledger's invariants, checked by the server. */
@Command(name = "ledger", description = "Check the ledger's invariants.")
final class LedgerCommand extends GmCommand {

    @Command(name = "verify", description = "Balances sum to zero and match the journal; exit code 1 when not.")
    int verify() {
        JsonNode reply = api().get("/api/admin/ledger/verify");
        show(reply, o -> Table.printObject(reply, o, colour()));
        if (reply.path("ok").asBoolean(false)) {
            return OK;
        }
        String violation = Table.text(reply.get("violation"));
        err().println("gm: the ledger does NOT verify" + (violation.isEmpty() ? "" : ": " + violation));
        err().flush();
        return GmException.REFUSED;
    }
}
