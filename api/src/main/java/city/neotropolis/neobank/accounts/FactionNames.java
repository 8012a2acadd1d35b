package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import com.ibm.icu.text.Normalizer2;

/**
 * Faction names: one key per faction, whatever the letter case, width or invisible characters
 * ("Chrome Saints", "chrome saints" and "ＣＨＲＯＭＥ saints" are one faction). The key is
 * Unicode's NFKC_Casefold, the form made for comparing identifiers case-insensitively.
 */
public final class FactionNames {
    public static final int MAX = AccountService.FACTION_MAX;
    /** The factions.name_key column. */
    public static final int KEY_MAX = 64;

    private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

    private FactionNames() {}

    /** A faction name as typed, checked: visible characters only, and a key that fits its column. */
    public static String clean(String name, String field) {
        String t = Input.name(name, field, 1, MAX);
        String key = key(t);
        if (key.codePointCount(0, key.length()) > KEY_MAX) {
            throw ApiException.badRequest(field + " is too long once normalised; use plainer characters");
        }
        return t;
    }

    /** An optional faction name: null stays null, "" means none. */
    public static String optional(String name, String field) {
        if (name == null || name.trim().isEmpty()) {
            return name == null ? null : "";
        }
        return clean(name, field);
    }

    public static String key(String cleanName) {
        return NFKC_CASEFOLD.normalize(cleanName);
    }
}
