package city.neotropolis.neobank.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/admin/users/{acct}/adjust-balance} by a GM: credits from the mint, as GMs hand
 * out rewards during the event. It keeps a long run's economy alive (spins have a house edge and
 * charges pile credits up at the stall) and puts the GM's money path under the same kills.
 */
record GrantOp(int actor, String gmToken, String account, long hundredths) implements Operation {
    static final String MINT = "NC-SYST-EM00";

    @Override
    public String kind() {
        return "grant";
    }

    @Override
    public String bearer() {
        return gmToken;
    }

    @Override
    public String path() {
        return "/api/admin/users/" + account + "/adjust-balance";
    }

    @Override
    public String body() {
        return "{\"amount\":" + BigDecimal.valueOf(hundredths, 2).toPlainString() + ",\"reason\":\"crash grant\"}";
    }

    @Override
    public boolean isAck(int status) {
        return status == 200 || status == 201;
    }

    @Override
    public Ack acknowledged(JsonNode reply) {
        JsonNode tx = reply.path("transaction");
        long amount = tx.path("amount").decimalValue().movePointRight(2).longValueExact();
        if (!MINT.equals(tx.path("from_account").asText())
                || !account.equals(tx.path("to_account").asText())
                || amount != hundredths) {
            throw new IllegalStateException("acknowledged " + tx + " for " + this);
        }
        return new Ack(
                List.of(tx.path("id").asLong()), List.of(new Move(MINT, account, hundredths, "admin_adjustment")));
    }
}
