package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The casino's switches and odds. */
@Command(name = "casino", description = "Casino switches and odds: status, enable, disable, payout, PAR sheets.")
final class CasinoCommand extends GmCommand {

    /** The games, offered by tab completion. */
    static final class Games implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("glitch_grid", "starlight_smuggler").iterator();
        }
    }

    @Command(name = "status", description = "Each game: on or off, payout percentage, bet limits.")
    int status() {
        JsonNode reply = api().get("/api/admin/casino/config");
        return show(reply, o -> {
            Table t = new Table("GAME", "ENABLED", "PAYOUT %", "RTP", "MIN BET", "MAX BET", "UPDATED");
            reply.path("games")
                    .forEach(g -> t.row(
                            g.get("game_name"),
                            g.get("is_enabled"),
                            g.get("payout_percentage"),
                            g.get("rtp"),
                            g.get("min_bet"),
                            g.get("max_bet"),
                            g.get("updated_at")));
            table(t);
        });
    }

    @Command(name = "enable", description = "Open a game to players.")
    int enable(@Parameters(paramLabel = "GAME", completionCandidates = Games.class) String game) {
        return configure(game, Api.object().put("is_enabled", true));
    }

    @Command(name = "disable", description = "Close a game.")
    int disable(@Parameters(paramLabel = "GAME", completionCandidates = Games.class) String game) {
        return configure(game, Api.object().put("is_enabled", false));
    }

    @Command(name = "payout", description = "Set a game's return to player, a whole percent from 50 to 120.")
    int payout(
            @Parameters(paramLabel = "GAME", completionCandidates = Games.class) String game,
            @Parameters(paramLabel = "PCT") int percent) {
        return configure(game, Api.object().put("payout_percentage", percent));
    }

    @Command(name = "par", description = "The PAR sheet: exact RTP, hit frequency, volatility, top award odds.")
    int par(
            @Parameters(paramLabel = "GAME", completionCandidates = Games.class) String game,
            @Option(names = "--payout", paramLabel = "PCT", description = "At this setting (default: the current one).")
                    Integer percent,
            @Option(names = "--reels", description = "Also print each reel's strip and weights.") boolean reels) {
        JsonNode reply =
                api().get("/api/admin/casino/par/" + Api.segment(game) + (percent == null ? "" : "?payout=" + percent));
        return show(reply, o -> {
            ObjectNode shown = reply.deepCopy();
            if (!reels) {
                shown.remove("reels"); // long strips drown the figures a GM came for
            }
            Table.printObject(shown, o, colour());
        });
    }

    private int configure(String game, ObjectNode change) {
        JsonNode reply = api().put("/api/admin/casino/config/" + Api.segment(game), change);
        JsonNode c = reply.path("config");
        return show(reply, o -> {
            o.println(reply.path("message").asText("Casino configuration updated"));
            table(new Table("GAME", "ENABLED", "PAYOUT %", "MIN BET", "MAX BET")
                    .row(
                            c.get("game_name"),
                            c.get("is_enabled"),
                            c.get("payout_percentage"),
                            c.get("min_bet"),
                            c.get("max_bet")));
        });
    }
}
