package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The audit log: every GM action, newest first. */
@Command(name = "audit", description = "The audit log of GM actions.")
final class AuditCommand extends GmCommand {

    @Command(name = "list", description = "The latest GM actions, newest first.")
    int list(
            @Option(names = "--limit", paramLabel = "N", defaultValue = "50") int limit,
            @Option(names = "--offset", paramLabel = "N", defaultValue = "0") int offset) {
        JsonNode reply = api().get("/api/admin/audit-logs?limit=" + limit + "&offset=" + offset);
        return show(reply, o -> {
            Table t = new Table("ID", "TIME", "GM", "ACTION", "TARGET", "DETAILS");
            reply.path("logs")
                    .forEach(l -> t.row(
                            l.get("id"),
                            l.get("timestamp"),
                            l.get("admin"),
                            l.get("action"),
                            l.get("target"),
                            l.get("details")));
            table(t);
        });
    }
}
