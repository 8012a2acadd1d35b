package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.web.ApiException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The GM's switches per game: open/closed, payout setting, bet limits; every change audited. */
public final class CasinoConfigService {
    /** Read inside a spin's write unit when the setting is not remembered: a cached prepared statement. */
    private static final String READ = "SELECT " + CasinoConfigDao.COLUMNS + " FROM casino_config WHERE game_name = ?";

    /** What a GM may change; absent fields stay as they are. */
    public record Patch(
            @JsonProperty("is_enabled") Boolean isEnabled, Integer payoutPercentage, Credits minBet, Credits maxBet) {}

    private final Database db;
    private final CasinoGames games;
    private final AuditLog audit;
    private final Clock clock;
    private final Credits ceiling;
    private final GameConfigCache cache;

    CasinoConfigService(
            Database db, CasinoGames games, AuditLog audit, Clock clock, Credits ceiling, GameConfigCache cache) {
        this.db = db;
        this.games = games;
        this.audit = audit;
        this.clock = clock;
        this.ceiling = ceiling;
        this.cache = cache;
    }

    /**
     * A game's settings for a spin's write unit: remembered ({@link GameConfigCache} says for how
     * long), else read inside the unit (the spin's hot path: positional JDBC).
     */
    GameConfig read(WriteSession s, String game) throws SQLException {
        GameConfigCache.Lookup known = cache.lookup(game);
        if (known.config() != null) {
            return known.config();
        }
        PreparedStatement ps = s.prepare(READ);
        ps.setString(1, game);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw ApiException.notFound("Unknown game: " + game);
            }
            GameConfig found = map(rs);
            cache.remember(known, found);
            return found;
        }
    }

    public List<GameConfig> all() {
        List<GameConfig> out = new ArrayList<>();
        for (CasinoGames.Game g : games.all()) {
            out.add(one(g.name()));
        }
        return out;
    }

    public GameConfig one(String game) {
        Optional<GameConfig> c = db.reads().withExtension(CasinoConfigDao.class, dao -> dao.byName(game));
        return c.orElseThrow(() -> ApiException.notFound("Unknown game: " + game));
    }

    static GameConfig map(ResultSet rs) throws SQLException {
        long updated = rs.getLong(6);
        return new GameConfig(
                rs.getString(1),
                rs.getBoolean(2),
                rs.getInt(3),
                new Credits(rs.getLong(4)),
                new Credits(rs.getLong(5)),
                updated == 0 ? null : Timestamps.iso(updated));
    }

    public GameConfig update(Player gm, String gameName, Patch patch) {
        if (patch == null) {
            throw ApiException.badRequest("request body is required");
        }
        CasinoGames.Game game = games.byName(gameName);
        if (patch.payoutPercentage() != null
                && (patch.payoutPercentage() < GameMath.MIN_PAYOUT || patch.payoutPercentage() > GameMath.MAX_PAYOUT)) {
            throw ApiException.badRequest("payout_percentage must be a whole number from " + GameMath.MIN_PAYOUT
                    + " to " + GameMath.MAX_PAYOUT);
        }
        checkBet(game, patch.minBet(), "min_bet");
        checkBet(game, patch.maxBet(), "max_bet");
        Object change = new Object();
        try {
            return db.writer().write(s -> {
                cache.changeBegins(change);
                return change(s, gm, game, patch);
            });
        } finally {
            cache.changeSettled(change);
        }
    }

    private GameConfig change(WriteSession s, Player gm, CasinoGames.Game game, Patch patch) {
        CasinoConfigDao dao = s.dao(CasinoConfigDao.class);
        GameConfig old =
                dao.byName(game.name()).orElseThrow(() -> ApiException.notFound("Unknown game: " + game.name()));
        boolean enabled = patch.isEnabled() == null ? old.isEnabled() : patch.isEnabled();
        int payout = patch.payoutPercentage() == null ? old.payoutPercentage() : patch.payoutPercentage();
        Credits min = patch.minBet() == null ? old.minBet() : patch.minBet();
        Credits max = patch.maxBet() == null ? old.maxBet() : patch.maxBet();
        if (min.compareTo(max) > 0) {
            throw ApiException.badRequest("min_bet must not be above max_bet");
        }
        long now = clock.millis();
        dao.update(game.name(), enabled, payout, min, max, now);
        audit.record(s, gm.characterName(), "casino_config", game.name(), changes(old, enabled, payout, min, max));
        return new GameConfig(game.name(), enabled, payout, min, max, Timestamps.iso(now));
    }

    /** The audit line: only what this change changed, or "no change" when it repeated the settings. */
    static String changes(GameConfig old, boolean enabled, int payout, Credits min, Credits max) {
        List<String> out = new ArrayList<>();
        if (old.isEnabled() != enabled) {
            out.add("is_enabled " + old.isEnabled() + " -> " + enabled);
        }
        if (old.payoutPercentage() != payout) {
            out.add("payout_percentage " + old.payoutPercentage() + " -> " + payout);
        }
        if (!old.minBet().equals(min)) {
            out.add("min_bet " + old.minBet() + " -> " + min);
        }
        if (!old.maxBet().equals(max)) {
            out.add("max_bet " + old.maxBet() + " -> " + max);
        }
        return out.isEmpty() ? "no change" : String.join("; ", out);
    }

    private void checkBet(CasinoGames.Game game, Credits bet, String field) {
        if (bet == null) {
            return;
        }
        if (!bet.isPositive()) {
            throw ApiException.badRequest(field + " must be greater than zero");
        }
        if (bet.hundredths() % game.betStep().hundredths() != 0) {
            throw ApiException.badRequest(field + " must be a multiple of " + game.betStep());
        }
        if (bet.compareTo(ceiling) > 0) {
            throw ApiException.badRequest(field + " must be at most " + ceiling);
        }
    }
}
