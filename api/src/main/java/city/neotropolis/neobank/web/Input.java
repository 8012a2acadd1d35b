package city.neotropolis.neobank.web;

import city.neotropolis.neobank.money.Credits;
import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

/** Checks on what players and terminals send, each failing with a 400 that names the field. */
public final class Input {
    private Input() {}

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.badRequest(field + " is required");
        }
        return value;
    }

    /** A required single-line string, trimmed, of min..max characters (code points). */
    public static String text(String value, String field, int min, int max) {
        String t = required(value, field).trim();
        int n = t.codePointCount(0, t.length());
        if (n < min) {
            throw ApiException.badRequest(
                    min <= 1 ? field + " must not be empty" : field + " must be at least " + min + " characters");
        }
        return checkedLine(t, field, max);
    }

    /**
     * A name others will see and trust (a character, a faction): like {@link #text}, and free of
     * every invisible character — zero-width joiners and variation selectors too — and of
     * unassigned code points, which a later Unicode version could make anything.
     */
    public static String name(String value, String field, int min, int max) {
        String t = text(value, field, min, max);
        if (t.codePoints().anyMatch(c -> invisible(c) || UCharacter.getType(c) == UCharacter.UNASSIGNED)) {
            throw ApiException.badRequest(
                    field + " must not contain invisible, unassigned or text-direction characters");
        }
        return t;
    }

    /** An optional single-line string: null stays null, otherwise at most max characters. */
    public static String optionalText(String value, String field, int max) {
        return value == null ? null : checkedLine(value.trim(), field, max);
    }

    private static String checkedLine(String t, String field, int max) {
        if (t.codePointCount(0, t.length()) > max) {
            throw ApiException.badRequest(field + " must be at most " + max + " characters");
        }
        if (hasControl(t)) {
            throw ApiException.badRequest(field + " must not contain control characters");
        }
        if (t.codePoints().anyMatch(Input::misleading)) {
            throw ApiException.badRequest(field + " must not contain invisible or text-direction characters");
        }
        return t;
    }

    /**
     * Invisible characters and text-direction controls: {@code admin} plus a zero-width space, or
     * a right-to-left override that makes one name display as another. Unicode's own properties
     * (default-ignorable, bidi control) rather than a hand-kept list.
     */
    public static boolean invisible(int c) {
        return UCharacter.hasBinaryProperty(c, UProperty.DEFAULT_IGNORABLE_CODE_POINT)
                || UCharacter.hasBinaryProperty(c, UProperty.BIDI_CONTROL);
    }

    /**
     * What free text (memos, descriptions) must not hold: every invisible character except the
     * zero-width joiner and variation selectors, which emoji are made of (👩‍🚀, ❤️).
     */
    static boolean misleading(int c) {
        boolean emojiGlue = c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF);
        return invisible(c) && !emojiGlue;
    }

    public static boolean hasControl(String s) {
        return s.codePoints()
                .anyMatch(c -> Character.getType(c) == Character.CONTROL
                        || c == 0x2028
                        || c == 0x2029
                        || (c >= 0xD800 && c <= 0xDFFF));
    }

    /** A positive amount of at most {@code max}. */
    public static Credits positiveAmount(Credits amount, Credits max, String field) {
        required(amount, field);
        if (!amount.isPositive()) {
            throw ApiException.badRequest(field + " must be greater than zero");
        }
        if (amount.compareTo(max) > 0) {
            throw ApiException.badRequest(field + " must be at most " + max);
        }
        return amount;
    }

    /** A whole number between min and max, with a default when absent. */
    public static int bounded(Integer value, int dflt, int min, int max, String field) {
        if (value == null) {
            return dflt;
        }
        if (value < min || value > max) {
            throw ApiException.badRequest(field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
