package city.neotropolis.neobank.proof;

import city.neotropolis.neobank.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One kind of money-moving request the crash client can drive (a P2P transfer now; spins and
 * terminal charges later). The client owns keys, retries and kills; an operation only says what
 * to send and what an acknowledgement means for the journal and the balances.
 */
interface Operation {

    /** A movement the journal must hold for an acknowledged operation: account numbers and hundredths. */
    record Move(String fromAccount, String toAccount, long hundredths, String type) {}

    /**
     * What an acknowledged reply proves: the journal rows it names (null when the reply names none:
     * then the rows under the operation's key must be exactly these movements) and the movements.
     */
    record Ack(List<Long> journalIds, List<Move> moves) {}

    /** Short name for the summary and failure messages, e.g. "transfer". */
    String kind();

    /** The player whose token sends the request (an index into the run's players). */
    int actor();

    /** The route, e.g. "/api/v1/transactions". */
    String path();

    /** The JSON body: built once, sent unchanged on every retry. */
    String body();

    /** A bearer token of its own (a GM's), or null when the actor's token (or a key) sends it. */
    default String bearer() {
        return null;
    }

    /** The terminal key that sends it, or null when the actor's bearer token does. */
    default String apiKey() {
        return null;
    }

    /** Sends the operation once under {@code key}: its own bearer or key, else {@code actorToken}. */
    default Api.Res send(Api api, String actorToken, String key) {
        String token = bearer() != null ? bearer() : actorToken;
        return apiKey() == null
                ? api.post(path(), token, body(), "Idempotency-Key", key)
                : api.post(path(), null, body(), "Idempotency-Key", key, "X-API-Key", apiKey());
    }

    /** Whether a status is the definite "done" answer for this route. */
    default boolean isAck(int status) {
        return status == 201;
    }

    /** Reads an acknowledged reply; it must name every journal row the operation wrote. */
    Ack acknowledged(JsonNode reply);
}
