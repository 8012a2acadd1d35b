package city.neotropolis.neobank.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** {@code POST /api/v1/transactions}: one player sends credits to another; one journal row. */
record TransferOp(int actor, String fromAccount, String toAccount, long hundredths) implements Operation {

    @Override
    public String kind() {
        return "transfer";
    }

    @Override
    public String path() {
        return "/api/v1/transactions";
    }

    @Override
    public String body() {
        return "{\"to_account\":\"" + toAccount + "\",\"amount\":"
                + BigDecimal.valueOf(hundredths, 2).toPlainString() + ",\"memo\":\"crash\"}";
    }

    @Override
    public Ack acknowledged(JsonNode reply) {
        JsonNode tx = reply.path("transaction");
        long amount = tx.path("amount").decimalValue().movePointRight(2).longValueExact();
        // The reply must describe the transfer asked for; a replay of another request would not.
        if (!fromAccount.equals(tx.path("from_account").asText())
                || !toAccount.equals(tx.path("to_account").asText())
                || amount != hundredths) {
            throw new IllegalStateException("acknowledged " + tx + " for " + this);
        }
        return new Ack(
                List.of(tx.path("id").asLong()), List.of(new Move(fromAccount, toAccount, hundredths, "transfer")));
    }
}
