package city.neotropolis.neobank.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;

/** {@code POST /api/v1/external/transactions} by a vendor's terminal key: charge a player; one journal row. */
record ChargeOp(int actor, String apiKey, String fromAccount, String vendorAccount, long hundredths)
        implements Operation {

    @Override
    public String kind() {
        return "charge";
    }

    @Override
    public String path() {
        return "/api/v1/external/transactions";
    }

    @Override
    public String body() {
        return "{\"from_account\":\"" + fromAccount + "\",\"to_account\":\"" + vendorAccount + "\",\"amount\":"
                + BigDecimal.valueOf(hundredths, 2).toPlainString() + ",\"memo\":\"crash stall\"}";
    }

    @Override
    public Ack acknowledged(JsonNode reply) {
        JsonNode tx = reply.path("transaction");
        long amount = tx.path("amount").decimalValue().movePointRight(2).longValueExact();
        if (!fromAccount.equals(tx.path("from_account").asText())
                || !vendorAccount.equals(tx.path("to_account").asText())
                || amount != hundredths) {
            throw new IllegalStateException("acknowledged " + tx + " for " + this);
        }
        return new Ack(
                List.of(tx.path("id").asLong()), List.of(new Move(fromAccount, vendorAccount, hundredths, "external")));
    }
}
