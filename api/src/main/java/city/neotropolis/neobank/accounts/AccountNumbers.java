package city.neotropolis.neobank.accounts;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/** Account numbers look like {@code NC-7KQ2-M9XD}: easy to read aloud, no 0/O or 1/I to confuse. */
public final class AccountNumbers {
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Pattern SHAPE = Pattern.compile("NC-[A-Z0-9]{4}-[A-Z0-9]{4}");
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder b = new StringBuilder("NC-");
        for (int i = 0; i < 8; i++) {
            if (i == 4) {
                b.append('-');
            }
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    /** Trims and upper-cases what a person typed; null when it cannot be an account number. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String n = typed.trim().toUpperCase(Locale.ROOT);
        return SHAPE.matcher(n).matches() ? n : null;
    }
}
