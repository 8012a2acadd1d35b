package city.neotropolis.neobank.ledger;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why credits moved; stored and shown as its lowercase code. */
public enum TxType {
    TRANSFER("transfer"),
    CASINO_BET("casino_bet"),
    CASINO_WIN("casino_win"),
    ADMIN_ADJUSTMENT("admin_adjustment"),
    EXTERNAL("external"),
    FACTION_GRANT("faction_grant"),
    GENESIS("genesis"),
    /** An import from the original NeoBank: brings an account's history to the balance it last showed. */
    IMPORT_ADJUSTMENT("import_adjustment"),
    /** Undoes one earlier row (GM, with a reason); linked to it in the reversals table. */
    REVERSAL("reversal"),
    /** Scheduled pay from the mint; the stipend's name is the memo. */
    STIPEND("stipend"),
    /** A payer confirmed a vendor's payment request (pay by QR); linked from payment_requests. */
    PAYMENT_REQUEST("payment_request");

    private final String code;

    TxType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
