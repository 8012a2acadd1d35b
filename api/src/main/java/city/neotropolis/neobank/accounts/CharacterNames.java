package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Character names: 2–32 characters, trimmed, no control or invisible characters, unique
 * regardless of case, and not confusable with another character's name: two names with the same
 * UTS #39 skeleton ("admin" and "аdmin" with a Cyrillic а) cannot both exist.
 */
public final class CharacterNames {
    public static final int MIN = 2;
    public static final int MAX = 32;
    /** The {@code name_key} column; NFKC can make one character many (﷽ is 18). */
    public static final int KEY_MAX = 64;
    /** The {@code name_skeleton} column: the skeleton of a name within KEY_MAX can grow again. */
    public static final int SKELETON_MAX = 256;

    /** Thread-safe once built (ICU): only the confusable check is used, for skeletons. */
    private static final SpoofChecker CONFUSABLES =
            new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();

    private CharacterNames() {}

    /** A name as a player or GM typed it, checked; its key and skeleton fit their columns. */
    public static String clean(String name) {
        String t = Input.name(name, "character_name", MIN, MAX);
        String key = key(t);
        if (key.codePointCount(0, key.length()) > KEY_MAX
                || skeleton(t).codePointCount(0, skeleton(t).length()) > SKELETON_MAX) {
            throw ApiException.badRequest("character_name is too long once normalised; use plainer characters");
        }
        return t;
    }

    /** The form names are compared in: "Neo", "NEO" and "ｎｅｏ" are the same character. */
    public static String key(String cleanName) {
        return Normalizer.normalize(cleanName, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * What the name looks like: "admin", "ADMIN", "аdmin" (Cyrillic а), "Аdmin" (Cyrillic А) and
     * "Αdmin" (Greek Α) share one. The Unicode confusables skeleton (UTS #39) compares as written,
     * so case is dealt with around it: Latin letters are folded first ("ADMIN" has a capital I
     * that would look like l), other scripts keep their capitals (Cyrillic М is Latin M, while the
     * small м is not m), and the result is folded and mapped once more ("Мarcus", "Marcus" and
     * "marcus" all end as "rnarcus").
     */
    public static String skeleton(String cleanName) {
        String nfkc = Normalizer.normalize(cleanName, Normalizer.Form.NFKC);
        StringBuilder latinFolded = new StringBuilder(nfkc.length());
        nfkc.codePoints()
                .forEach(c -> latinFolded.appendCodePoint(
                        UScript.getScript(c) == UScript.LATIN ? UCharacter.foldCase(c, true) : c));
        String once = UCharacter.foldCase(CONFUSABLES.getSkeleton(latinFolded), true);
        return UCharacter.foldCase(CONFUSABLES.getSkeleton(once), true);
    }
}
