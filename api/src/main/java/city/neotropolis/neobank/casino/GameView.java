package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.casino.math.GameDefinition;
import city.neotropolis.neobank.casino.math.ParSheet;
import city.neotropolis.neobank.money.Credits;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A game as players see it in the lobby: limits, paytable and the true RTP of its current setting. */
public record GameView(
        String name,
        String route,
        String title,
        boolean enabled,
        Credits minBet,
        Credits maxBet,
        Credits betStep,
        boolean betPerLine,
        int paylines,
        int payoutPercentage,
        double rtp,
        double hitFrequency,
        double maxWinMultiplier,
        Paytable paytable) {

    /** Line pays count in line bets; scatter pays in total bets. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Paytable(
            List<PayRow> lines,
            String wild,
            PayRow scatter,
            Integer freeSpinsAward,
            Integer freeSpinsMinScatters,
            List<List<Integer>> paylineRows) {}

    /** One symbol: how many in a row (or anywhere, for the scatter) pays how much. */
    public record PayRow(String symbol, String name, Map<String, Long> pays) {}

    static GameView of(CasinoGames.Game game, GameConfig config) {
        GameDefinition d = game.definition();
        ParSheet sheet = game.math().sheet(config.payoutPercentage());
        List<PayRow> rows = new ArrayList<>();
        PayRow scatter = null;
        for (GameDefinition.Symbol s : d.symbols()) {
            if (s.code().equals(d.scatter())) {
                scatter = new PayRow(s.glyph(), s.name(), pays(d.scatterPays()));
            } else if (d.linePays().containsKey(s.code())) {
                rows.add(new PayRow(s.glyph(), s.name(), pays(d.linePays().get(s.code()))));
            }
        }
        String wild = d.wild() == null
                ? null
                : d.symbols().stream()
                        .filter(s -> s.code().equals(d.wild()))
                        .findFirst()
                        .orElseThrow()
                        .glyph();
        boolean free = game.math().machine().hasFreeSpins();
        Paytable table = new Paytable(
                rows,
                wild,
                scatter,
                free ? d.freeSpinsAward() : null,
                free ? d.freeSpinsMinScatters() : null,
                d.paylines());
        return new GameView(
                game.name(),
                game.route(),
                game.title(),
                config.isEnabled(),
                config.minBet(),
                config.maxBet(),
                game.betStep(),
                d.betPerLine(),
                game.math().machine().lines(),
                config.payoutPercentage(),
                sheet.rtp(),
                sheet.hitFrequency(),
                sheet.maxWinMultiplier(),
                table);
    }

    private static Map<String, Long> pays(List<Long> byCount) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (byCount != null) {
            for (int n = 0; n < byCount.size(); n++) {
                if (byCount.get(n) > 0) {
                    out.put(Integer.toString(n), byCount.get(n));
                }
            }
        }
        return out;
    }
}
