package city.neotropolis.neobank.external;

import city.neotropolis.neobank.web.ApiException;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** What a terminal's key may do. A key gets only the scopes its job needs. */
public enum ApiKeyScope {
    /** Read any account's balance (a stall checks a player can pay before charging). */
    BALANCE_READ("balance:read"),
    /** Move credits from a player into the key's own account. */
    CHARGE("charge"),
    /** Move credits from the key's own account to a player. */
    PAYOUT("payout"),
    /** Move credits between any two accounts: a terminal a GM trusts, as the original's keys were. */
    TRANSFER_ANY("transfer:any"),
    /** Link NFC chips to players who type their terminal PIN on the terminal (an enrol desk). */
    CHIP_ENROL("chip:enrol");

    private final String code;

    ApiKeyScope(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static ApiKeyScope parse(String code) {
        for (ApiKeyScope s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw ApiException.badRequest("Unknown scope: " + code + " (known: " + known() + ")");
    }

    /** Scopes as sent by a GM: at least one, each known; duplicates collapse. */
    public static Set<ApiKeyScope> parseAll(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw ApiException.badRequest("scopes must list at least one of: " + known());
        }
        EnumSet<ApiKeyScope> set = EnumSet.noneOf(ApiKeyScope.class);
        for (String c : codes) {
            set.add(parse(c == null ? "null" : c.trim()));
        }
        return set;
    }

    /** The stored form: codes joined by commas, in declaration order. */
    public static String join(Set<ApiKeyScope> scopes) {
        return scopes.stream().map(ApiKeyScope::code).collect(Collectors.joining(","));
    }

    /** Reads the stored form; an unknown code (a newer version's scope) grants nothing here. */
    public static Set<ApiKeyScope> split(String stored) {
        EnumSet<ApiKeyScope> set = EnumSet.noneOf(ApiKeyScope.class);
        if (stored != null) {
            for (String c : stored.split(",")) {
                for (ApiKeyScope s : values()) {
                    if (s.code.equals(c.trim())) {
                        set.add(s);
                    }
                }
            }
        }
        return set;
    }

    private static String known() {
        return Arrays.stream(values()).map(ApiKeyScope::code).collect(Collectors.joining(", "));
    }
}
