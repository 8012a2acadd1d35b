package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.casino.math.GameDefinition;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The games of Chrome Slots by name and by route, each with its verified reel sets. */
public final class CasinoGames {

    /** One game: its name, its math, and its bet step. */
    public record Game(String name, GameMath math) {
        public GameDefinition definition() {
            return math.machine().definition();
        }

        public String route() {
            return definition().route();
        }

        public String title() {
            return definition().title();
        }

        public Credits betStep() {
            return Credits.of(definition().betStepCredits());
        }

        /** How many line bets one paid spin costs (9 for Starlight Smuggler, 1 for Glitch Grid). */
        public int lineBets() {
            return definition().betPerLine() ? math.machine().lines() : 1;
        }

        /** The largest win any spin can pay at this bet (per line where the bet is per line). */
        public Credits maxWin(Credits lineBet) {
            return lineBet.times(math.maxWinUnits());
        }
    }

    private final CompletableFuture<Map<String, Game>> byName;

    /** Every game's reel sets solved and verified now, on this thread. */
    public CasinoGames() {
        this(CompletableFuture.completedFuture(solve()));
    }

    /** The games once {@code solved} completes; until then a caller waits for it. */
    CasinoGames(CompletableFuture<Map<String, Game>> solved) {
        this.byName = solved;
    }

    static Map<String, Game> solve() {
        Map<String, Game> games = new LinkedHashMap<>();
        for (String name : GameMath.GAMES) {
            games.put(name, new Game(name, GameMath.builtIn(name)));
        }
        return games;
    }

    public List<Game> all() {
        return List.copyOf(byName.join().values());
    }

    /**
     * A game by any of its spellings: its name ({@code glitch_grid}), its route ({@code glitch-grid})
     * or its title in any case ({@code Glitch Grid}). The one place game names are normalised.
     */
    public Game byName(String name) {
        Game g = name == null ? null : byName.join().get(normalise(name));
        if (g == null) {
            throw ApiException.notFound("Unknown game: " + name);
        }
        return g;
    }

    /** Same as {@link #byName}: a route and a name are two spellings of one game. */
    public Game byRoute(String route) {
        return byName(route);
    }

    static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }
}
