package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.Posting;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.metrics.BankMetrics;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import jakarta.ws.rs.core.Response;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Settles spins. One write unit per spin: every refusal is decided before anything moves, then
 * the bet debit, the win credit, the free-spin state, the nonce and the spin record commit
 * together or not at all.
 */
public final class SpinService {
    // Every statement here runs on every spin: cached prepared statements, as in the Ledger.
    /** The player's state and the house's balance in one read: every spin touches the house row. */
    private static final String ACCOUNTS =
            "SELECT id, balance, frozen, free_spins, free_spin_bet FROM accounts " + "WHERE id IN (?, ?)";

    private static final String FREE_SPINS = "UPDATE accounts SET free_spins = ?, free_spin_bet = ? WHERE id = ?";
    private static final String RECORD = "INSERT INTO casino_spins (account_id, game, bet, total_bet, win, "
            + "was_free_spin, free_spins_awarded, payout_percentage, stops, server_seed_hash, client_seed, nonce, "
            + "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

    /** What a spin request asks for, as its Idempotency-Key fingerprint sees it. */
    public record SpinRequest(Credits betAmount) {}

    private record AccountState(
            Credits balance, boolean frozen, int freeSpins, Credits freeSpinBet, Credits houseBalance) {}

    private final Ledger ledger;
    private final Idempotency idempotency;
    private final CasinoConfigService configs;
    private final Fairness fairness;
    private final Clock clock;

    SpinService(Ledger ledger, Idempotency idempotency, CasinoConfigService configs, Fairness fairness, Clock clock) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.configs = configs;
        this.fairness = fairness;
        this.clock = clock;
    }

    public Response spin(Player player, CasinoGames.Game game, Credits requested, String idempotencyKey) {
        Credits bet = betShape(game, requested);
        return idempotency.run(
                player.principalKey(),
                idempotencyKey,
                "POST /api/v1/casino/" + game.route() + "/spin",
                new SpinRequest(bet),
                s -> new Idempotency.Reply(200, settle(s, player, game, bet, idempotencyKey)));
    }

    /** The checks that need no database: present, positive, on the bet step. */
    static Credits betShape(CasinoGames.Game game, Credits bet) {
        String field = "bet_amount";
        if (bet == null) {
            throw ApiException.badRequest(field + " is required");
        }
        if (!bet.isPositive()) {
            throw ApiException.badRequest(field + " must be greater than zero");
        }
        if (bet.hundredths() % game.betStep().hundredths() != 0) {
            throw ApiException.badRequest(field + " must be a multiple of " + game.betStep());
        }
        return bet;
    }

    private Object settle(WriteSession s, Player player, CasinoGames.Game game, Credits bet, String key)
            throws SQLException {
        Fairness.Seeds seeds = fairness.claim(s, player.id());
        GameConfig config = configs.read(s, game.name());
        if (!config.isEnabled()) {
            throw ApiException.badRequest(game.title() + " is closed right now");
        }
        long houseId = ledger.system().houseId();
        AccountState account = account(s, player.id(), houseId);
        if (account.frozen()) {
            throw ApiException.badRequest("Account " + player.accountNumber() + " is frozen");
        }
        Machine machine = game.math().machine();
        boolean free = machine.hasFreeSpins() && account.freeSpins() > 0;
        if (free && !bet.equals(account.freeSpinBet())) {
            throw ApiException.badRequest("You have " + account.freeSpins() + " free spins at " + account.freeSpinBet()
                    + " per line: bet_amount must be " + account.freeSpinBet());
        }
        if (!free && (bet.compareTo(config.minBet()) < 0 || bet.compareTo(config.maxBet()) > 0)) {
            throw ApiException.badRequest("bet_amount must be between " + config.minBet() + " and " + config.maxBet());
        }
        Credits totalBet = bet.times(game.lineBets());
        if (!free && account.balance().compareTo(totalBet) < 0) {
            throw ApiException.refused("insufficient_funds", "Insufficient funds");
        }
        if (account.houseBalance().compareTo(game.maxWin(bet)) < 0) {
            throw ApiException.unavailable(
                    "The house cannot cover the largest possible win at this bet right now; " + "try a smaller bet");
        }

        int[] stops = ProvablyFair.stops(
                seeds.serverSeed(),
                seeds.clientSeed(),
                seeds.nonce(),
                game.math().set(config.payoutPercentage()));
        SpinOutcome outcome = SpinOutcome.of(machine, stops, bet);

        String actor = "player:" + player.accountNumber();
        Credits balance = account.balance();
        if (!free) {
            Posting p = ledger.post(
                    s,
                    Movement.of(player.id(), houseId, totalBet, TxType.CASINO_BET, game.name(), actor)
                            .withIdempotencyKey(key));
            balance = p.fromBalance();
        }
        if (outcome.win().isPositive()) {
            Posting p = ledger.post(
                    s,
                    Movement.of(houseId, player.id(), outcome.win(), TxType.CASINO_WIN, game.name(), actor)
                            .withIdempotencyKey(key));
            balance = p.toBalance();
        }

        long wagered = free ? 0 : totalBet.hundredths();
        long paid = outcome.win().hundredths();
        s.afterCommit(() -> BankMetrics.spun(game.name(), wagered, paid));

        int freeLeft = account.freeSpins() - (free ? 1 : 0);
        int awarded = outcome.triggersFreeSpins() ? game.definition().freeSpinsAward() : 0;
        freeLeft += awarded;
        if (free || awarded > 0) {
            PreparedStatement ps = s.prepare(FREE_SPINS);
            ps.setInt(1, freeLeft);
            if (freeLeft > 0) {
                ps.setLong(2, bet.hundredths());
            } else {
                ps.setNull(2, java.sql.Types.BIGINT);
            }
            ps.setLong(3, player.id());
            ps.executeUpdate();
        }
        long spinId = record(
                s,
                player.id(),
                game,
                bet,
                free ? Credits.ZERO : totalBet,
                outcome,
                free,
                awarded,
                config.payoutPercentage(),
                seeds);

        if (!game.definition().betPerLine()) {
            return new GlitchGridReply(
                    outcome.grid().get(0),
                    bet,
                    SpinOutcome.multiplier(outcome.win(), totalBet),
                    outcome.win(),
                    balance,
                    spinId,
                    seeds.clientSeed(),
                    seeds.nonce(),
                    seeds.serverSeedHash());
        }
        return new StarlightReply(
                outcome.grid(),
                bet,
                totalBet,
                SpinOutcome.multiplier(outcome.win(), totalBet),
                outcome.win(),
                outcome.winningLines(),
                outcome.scatterCount(),
                awarded,
                freeLeft,
                free,
                balance,
                spinId,
                seeds.clientSeed(),
                seeds.nonce(),
                seeds.serverSeedHash());
    }

    private AccountState account(WriteSession s, long id, long houseId) throws SQLException {
        PreparedStatement ps = s.prepare(ACCOUNTS);
        ps.setLong(1, id);
        ps.setLong(2, houseId);
        AccountState player = null;
        Credits house = Credits.ZERO;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (rs.getLong(1) == houseId) {
                    house = new Credits(rs.getLong(2));
                } else {
                    long freeBet = rs.getLong(5);
                    Credits freeSpinBet = rs.wasNull() ? null : new Credits(freeBet);
                    player = new AccountState(
                            new Credits(rs.getLong(2)), rs.getBoolean(3), rs.getInt(4), freeSpinBet, null);
                }
            }
        }
        if (player == null) {
            throw ApiException.notFound("Account not found");
        }
        return new AccountState(player.balance(), player.frozen(), player.freeSpins(), player.freeSpinBet(), house);
    }

    private long record(
            WriteSession s,
            long accountId,
            CasinoGames.Game game,
            Credits bet,
            Credits staked,
            SpinOutcome outcome,
            boolean free,
            int awarded,
            int payout,
            Fairness.Seeds seeds)
            throws SQLException {
        PreparedStatement ps = s.prepare(RECORD);
        ps.setLong(1, accountId);
        ps.setString(2, game.name());
        ps.setLong(3, bet.hundredths());
        ps.setLong(4, staked.hundredths());
        ps.setLong(5, outcome.win().hundredths());
        ps.setBoolean(6, free);
        ps.setInt(7, awarded);
        ps.setInt(8, payout);
        ps.setString(9, SpinOutcome.stopsText(outcome.stops()));
        ps.setString(10, seeds.serverSeedHash());
        ps.setString(11, seeds.clientSeed());
        ps.setLong(12, seeds.nonce());
        ps.setLong(13, clock.millis());
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The answer to a Glitch Grid spin (the original's fields plus the provably-fair ones). */
    public record GlitchGridReply(
            java.util.List<String> reels,
            Credits bet,
            java.math.BigDecimal winMultiplier,
            Credits winAmount,
            Credits balance,
            long spinId,
            String clientSeed,
            long nonce,
            String serverSeedHash) {}

    /** The answer to a Starlight Smuggler spin. */
    public record StarlightReply(
            java.util.List<java.util.List<String>> grid,
            Credits betPerLine,
            Credits totalBet,
            java.math.BigDecimal winMultiplier,
            Credits winAmount,
            java.util.List<SpinOutcome.WinningLine> winningLines,
            int scatterCount,
            int bonusSpinsAwarded,
            int freeSpinsRemaining,
            boolean wasFreeSpin,
            Credits balance,
            long spinId,
            String clientSeed,
            long nonce,
            String serverSeedHash) {}
}
