package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.web.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** Recorded spins, re-evaluated from their stops and, once the seed is revealed, re-derived from it. */
public final class SpinLookup {
    private static final String READ = "SELECT s.id, a.account_number, a.character_name, s.game, s.bet, s.total_bet, "
            + "s.win, s.was_free_spin, s.free_spins_awarded, s.payout_percentage, s.stops, s.server_seed_hash, "
            + "s.client_seed, s.nonce, s.created_at, r.server_seed, s.account_id "
            + "FROM casino_spins s JOIN accounts a ON a.id = s.account_id "
            + "LEFT JOIN casino_revealed_seeds r ON r.server_seed_hash = s.server_seed_hash WHERE s.id = :id";

    /**
     * One spin as recorded. {@code serverSeed} is present once the player rotated it; then
     * {@code verified} says whether HMAC of that seed reproduces the recorded stops.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SpinView(
            long spinId,
            String accountNumber,
            String characterName,
            String game,
            Credits bet,
            Credits totalBet,
            Credits winAmount,
            BigDecimal winMultiplier,
            boolean wasFreeSpin,
            int freeSpinsAwarded,
            int payoutPercentage,
            List<Integer> stops,
            List<List<String>> grid,
            List<SpinOutcome.WinningLine> winningLines,
            int scatterCount,
            String serverSeedHash,
            String serverSeed,
            String clientSeed,
            long nonce,
            Boolean verified,
            String timestamp) {}

    private record Row(SpinView view, long accountId) {}

    /** A line of a player's spin list: enough to find it and to know whether it can be verified yet. */
    public record SpinSummary(
            long spinId,
            String game,
            Credits totalBet,
            Credits winAmount,
            boolean wasFreeSpin,
            long nonce,
            String serverSeedHash,
            boolean seedRevealed,
            String timestamp) {}

    private static final String RECENT = "SELECT s.id, s.game, s.total_bet, s.win, s.was_free_spin, s.nonce, "
            + "s.server_seed_hash, r.server_seed IS NOT NULL, s.created_at FROM casino_spins s "
            + "LEFT JOIN casino_revealed_seeds r ON r.server_seed_hash = s.server_seed_hash "
            + "WHERE s.account_id = :account AND s.id < :before ORDER BY s.id DESC LIMIT :limit";

    private final Database db;
    private final CasinoGames games;

    SpinLookup(Database db, CasinoGames games) {
        this.db = db;
        this.games = games;
    }

    /** Any spin, for a GM. */
    public SpinView find(long id) {
        return row(id).map(Row::view).orElseThrow(() -> ApiException.notFound("Spin not found"));
    }

    /** A spin of this player only; someone else's is as unknown as a missing one. */
    public SpinView findOwn(long id, long accountId) {
        return row(id).filter(r -> r.accountId() == accountId)
                .map(Row::view)
                .orElseThrow(() -> ApiException.notFound("Spin not found"));
    }

    /** A player's own spins, newest first, before the spin id {@code before} (index casino_spins_account). */
    public List<SpinSummary> recentOwn(long accountId, long before, int limit) {
        return db.reads()
                .withHandle(h -> h.createQuery(RECENT)
                        .bind("account", accountId)
                        .bind("before", before)
                        .bind("limit", limit)
                        .map((rs, ctx) -> new SpinSummary(
                                rs.getLong(1),
                                rs.getString(2),
                                new Credits(rs.getLong(3)),
                                new Credits(rs.getLong(4)),
                                rs.getBoolean(5),
                                rs.getLong(6),
                                rs.getString(7),
                                rs.getBoolean(8),
                                Timestamps.iso(rs.getLong(9))))
                        .list());
    }

    private Optional<Row> row(long id) {
        return db.reads()
                .withHandle(h -> h.createQuery(READ)
                        .bind("id", id)
                        .map((rs, ctx) -> {
                            CasinoGames.Game game = games.byName(rs.getString(4));
                            Machine m = game.math().machine();
                            Credits bet = new Credits(rs.getLong(5));
                            int[] stops = SpinOutcome.parseStops(rs.getString(11));
                            SpinOutcome o = SpinOutcome.of(m, stops, bet);
                            String seed = rs.getString(16);
                            int payout = rs.getInt(10);
                            String client = rs.getString(13);
                            long nonce = rs.getLong(14);
                            Boolean verified = null;
                            if (seed != null) {
                                verified = ProvablyFair.hash(seed).equals(rs.getString(12))
                                        && java.util.Arrays.equals(
                                                stops,
                                                ProvablyFair.stops(
                                                        seed,
                                                        client,
                                                        nonce,
                                                        game.math().set(payout)));
                            }
                            Credits totalBet = bet.times(game.lineBets());
                            SpinView v = new SpinView(
                                    rs.getLong(1),
                                    rs.getString(2),
                                    rs.getString(3),
                                    game.name(),
                                    bet,
                                    new Credits(rs.getLong(6)),
                                    new Credits(rs.getLong(7)),
                                    SpinOutcome.multiplier(new Credits(rs.getLong(7)), totalBet),
                                    rs.getBoolean(8),
                                    rs.getInt(9),
                                    payout,
                                    java.util.Arrays.stream(stops).boxed().toList(),
                                    o.grid(),
                                    o.winningLines(),
                                    o.scatterCount(),
                                    rs.getString(12),
                                    seed,
                                    client,
                                    nonce,
                                    verified,
                                    Timestamps.iso(rs.getLong(15)));
                            return new Row(v, rs.getLong(17));
                        })
                        .findOne());
    }
}
