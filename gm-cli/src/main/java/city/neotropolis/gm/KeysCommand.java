package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** API keys for terminals and vendor stalls. */
@Command(name = "keys", description = "API keys for terminals: list, create (shown once), revoke.")
final class KeysCommand extends GmCommand {

    /** The scopes the server knows, offered by tab completion. */
    static final class Scopes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("balance:read", "charge", "payout", "transfer:any", "chip:enrol")
                    .iterator();
        }
    }

    @Command(name = "list", description = "Every key (never its secret value).")
    int list() {
        JsonNode reply = api().get("/api/admin/api-keys");
        return show(reply, o -> {
            Table t = new Table(
                    "ID", "PREFIX", "DESCRIPTION", "ACCOUNT", "SCOPES", "MAX", "RATE/MIN", "ACTIVE", "LAST USED");
            reply.path("api_keys")
                    .forEach(k -> t.row(
                            k.get("id"),
                            k.get("key_prefix"),
                            k.get("description"),
                            k.get("account_number"),
                            k.get("scopes"),
                            k.get("max_amount"),
                            k.get("rate_limit_per_minute"),
                            k.get("is_active"),
                            k.get("last_used")));
            table(t);
        });
    }

    @Command(name = "create", description = "Create a key bound to an account; its value is shown only now.")
    int create(
            @Option(names = "--description", required = true, paramLabel = "D") String description,
            @Option(names = "--account", required = true, paramLabel = "ACCT") String account,
            @Option(
                            names = "--scope",
                            required = true,
                            arity = "1..*",
                            split = ",",
                            paramLabel = "S",
                            completionCandidates = Scopes.class,
                            description = "One or more of: ${COMPLETION-CANDIDATES}.")
                    List<String> scopes,
            @Option(names = "--max-amount", paramLabel = "N", description = "Largest single transaction.")
                    BigDecimal maxAmount,
            @Option(names = "--rate-limit", paramLabel = "N", description = "Requests per minute.") Integer rateLimit) {
        ObjectNode body = Api.object().put("description", description).put("account_number", account);
        ArrayNode s = body.putArray("scopes");
        scopes.forEach(s::add);
        if (maxAmount != null) {
            body.put("max_amount", maxAmount);
        }
        if (rateLimit != null) {
            body.put("rate_limit_per_minute", rateLimit);
        }
        JsonNode reply = api().post("/api/admin/api-keys", body);
        JsonNode key = reply.path("api_key");
        return show(reply, o -> {
            // The server's message already says to copy the key now: say it once.
            o.println(reply.path("message").asText("API key created; copy it now, it is not shown again") + " (id "
                    + Table.text(key.get("id")) + ").");
            o.println("Key: " + Table.text(key.get("key_value")));
        });
    }

    @Command(name = "revoke", description = "Revoke a key at once.")
    int revoke(@Parameters(paramLabel = "ID") long id) {
        return message(api().delete("/api/admin/api-keys/" + id));
    }
}
