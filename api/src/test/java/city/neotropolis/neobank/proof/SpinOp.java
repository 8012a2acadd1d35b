package city.neotropolis.neobank.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/casino/glitch-grid/spin}: a bet row (player to house) and, on a win, a win
 * row (house to player), both under the spin's key. The reply names no journal ids, so its rows are
 * matched by key and by the movements the reply states.
 */
record SpinOp(int actor, String account, long betHundredths) implements Operation {
    static final String HOUSE = "NC-CASA-0000";

    @Override
    public String kind() {
        return "spin";
    }

    @Override
    public String path() {
        return "/api/v1/casino/glitch-grid/spin";
    }

    @Override
    public String body() {
        return "{\"bet_amount\":"
                + java.math.BigDecimal.valueOf(betHundredths, 2).toPlainString() + "}";
    }

    @Override
    public boolean isAck(int status) {
        return status == 200;
    }

    @Override
    public Ack acknowledged(JsonNode reply) {
        long bet = reply.path("bet").decimalValue().movePointRight(2).longValueExact();
        long win = reply.path("win_amount").decimalValue().movePointRight(2).longValueExact();
        if (bet != betHundredths || !reply.hasNonNull("spin_id")) {
            throw new IllegalStateException("acknowledged " + reply + " for " + this);
        }
        List<Move> moves = new ArrayList<>(List.of(new Move(account, HOUSE, bet, "casino_bet")));
        if (win > 0) {
            moves.add(new Move(HOUSE, account, win, "casino_win"));
        }
        return new Ack(null, moves);
    }
}
