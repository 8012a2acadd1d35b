package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;

/** The event's leaderboards: what they show, and whether players may see them. */
@Command(name = "leaderboards", description = "Leaderboards: show them; open or close them for players.")
final class LeaderboardsCommand extends GmCommand {

    @Command(
            name = "show",
            description = "Biggest wins, faction totals and most generous senders (GMs always see them).")
    int show() {
        JsonNode reply = api().get("/api/v1/leaderboards");
        return show(reply, o -> {
            o.println("Players " + (reply.path("enabled").asBoolean() ? "can" : "cannot") + " see the leaderboards.");
            o.println("Biggest casino wins");
            Table w = new Table("#", "NAME", "OPTED OUT", "GAME", "WIN", "TIME");
            reply.path("biggest_wins")
                    .forEach(x -> w.row(
                            x.get("rank"),
                            x.get("character_name"),
                            x.get("anonymous"),
                            x.get("game"),
                            x.get("win_amount"),
                            x.get("timestamp")));
            table(w);
            o.println("Faction totals");
            Table f = new Table("#", "FACTION", "MEMBERS", "TOTAL BALANCE");
            reply.path("faction_totals")
                    .forEach(x -> f.row(x.get("rank"), x.get("faction"), x.get("members"), x.get("total_balance")));
            table(f);
            o.println("Most generous senders");
            Table s = new Table("#", "NAME", "OPTED OUT", "SENT", "TRANSFERS");
            reply.path("generous_senders")
                    .forEach(x -> s.row(
                            x.get("rank"),
                            x.get("character_name"),
                            x.get("anonymous"),
                            x.get("total_sent"),
                            x.get("transfers")));
            table(s);
        });
    }

    @Command(name = "open", description = "Let players see the leaderboards.")
    int open() {
        return message(api().put("/api/admin/leaderboards", Api.object().put("enabled", true)));
    }

    @Command(name = "close", description = "Hide the leaderboards from players (the default).")
    int close() {
        return message(api().put("/api/admin/leaderboards", Api.object().put("enabled", false)));
    }
}
