package city.neotropolis.neobank.ledger;

/** The mint and the house: created at first start, never deleted, never logged into. */
public record SystemAccounts(long mintId, long houseId) {
    public static final String MINT_NUMBER = "NC-SYST-EM00";
    public static final String MINT_NAME = "NeoBank Mint";
    public static final String HOUSE_NUMBER = "NC-CASA-0000";
    public static final String HOUSE_NAME = "Chrome Slots House";
}
