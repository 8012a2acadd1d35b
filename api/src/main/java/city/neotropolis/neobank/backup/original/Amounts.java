package city.neotropolis.neobank.backup.original;

import city.neotropolis.neobank.money.Credits;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The original stored money as binary floats ({@code 580.31000000000017}). Each is read as the
 * shortest decimal that gives back the same float (what Python printed to players), then rounded
 * half-up to hundredths; {@link #exact} says whether that rounding changed anything.
 */
final class Amounts {
    private Amounts() {}

    /** The decimal the original showed for this float. */
    static BigDecimal shown(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("not a number: " + value);
        }
        return BigDecimal.valueOf(value);
    }

    static Credits rounded(double value) {
        return new Credits(
                shown(value).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
    }

    static boolean exact(double value) {
        BigDecimal s = shown(value);
        return s.compareTo(s.setScale(2, RoundingMode.HALF_UP)) == 0;
    }

    /** How a float of the original reads in a report: its full digits. */
    static String raw(double value) {
        BigDecimal s = shown(value).stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
