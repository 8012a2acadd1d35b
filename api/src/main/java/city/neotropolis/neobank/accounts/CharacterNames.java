package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.web.Input;
import java.text.Normalizer;
import java.util.Locale;

/** Character names: 2–32 characters, trimmed, no control characters, unique regardless of case. */
public final class CharacterNames {
    public static final int MIN = 2;
    public static final int MAX = 32;

    private CharacterNames() {}

    public static String clean(String name) {
        return Input.text(name, "character_name", MIN, MAX);
    }

    /** The form names are compared in: "Neo", "NEO" and "ｎｅｏ" are the same character. */
    public static String key(String cleanName) {
        return Normalizer.normalize(cleanName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
