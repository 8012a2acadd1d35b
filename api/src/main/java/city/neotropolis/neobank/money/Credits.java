package city.neotropolis.neobank.money;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount of credits, held as integer hundredths so that no floating point ever touches money.
 * JSON carries it as a plain number ({@code 100.5}); numeric strings are accepted on input.
 */
@JsonSerialize(using = Credits.Writer.class)
@JsonDeserialize(using = Credits.Reader.class)
public record Credits(long hundredths) implements Comparable<Credits> {

    public static final Credits ZERO = new Credits(0);

    /** Far above any sane in-game maximum, far below overflow of sums over many accounts. */
    public static final long CEILING_HUNDREDTHS = 1_000_000_000_000_00L;

    private static final Pattern PLAIN = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,2})?");

    public static Credits of(long wholeCredits) {
        return new Credits(Math.multiplyExact(wholeCredits, 100));
    }

    public static Credits ofHundredths(long hundredths) {
        return new Credits(hundredths);
    }

    /**
     * Parses a plain decimal with at most two decimals ("12", "12.5", "-3.25"). The rule is about
     * how the amount is written, not its value: "1.000" (three decimals) and "1e-2" (an exponent)
     * are refused with a message saying which, so that every client writes amounts one way.
     *
     * @throws IllegalArgumentException with a message fit for a player when the text is not such an amount
     */
    public static Credits parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("amount is required");
        }
        String t = text.trim();
        if (!PLAIN.matcher(t).matches()) {
            if (t.matches("-?[0-9]*\\.[0-9]{3,}")) {
                throw new IllegalArgumentException("amount must have at most 2 decimals");
            }
            // 1e-2 and 1E2 are exact values, but we take amounts as written, never by exponent.
            if (t.matches("-?[0-9.]+[eE][-+]?[0-9]+")) {
                throw new IllegalArgumentException("amount must be written without an exponent, like 0.01 or 100");
            }
            throw new IllegalArgumentException("amount must be a plain number of credits, like 25 or 12.50");
        }
        long h = new BigDecimal(t).movePointRight(2).longValueExact();
        if (Math.abs(h) > CEILING_HUNDREDTHS) {
            throw new IllegalArgumentException("amount is too large");
        }
        return new Credits(h);
    }

    public boolean isPositive() {
        return hundredths > 0;
    }

    public boolean isNegative() {
        return hundredths < 0;
    }

    public Credits plus(Credits other) {
        return new Credits(Math.addExact(hundredths, other.hundredths));
    }

    public Credits minus(Credits other) {
        return new Credits(Math.subtractExact(hundredths, other.hundredths));
    }

    public Credits negate() {
        return new Credits(Math.negateExact(hundredths));
    }

    public Credits times(long factor) {
        return new Credits(Math.multiplyExact(hundredths, factor));
    }

    public Credits abs() {
        return hundredths < 0 ? negate() : this;
    }

    @Override
    public int compareTo(Credits o) {
        return Long.compare(hundredths, o.hundredths);
    }

    /** The plain decimal form: "100", "100.5", "-0.25". */
    @Override
    public String toString() {
        BigDecimal d = BigDecimal.valueOf(hundredths, 2).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    static final class Writer extends JsonSerializer<Credits> {
        @Override
        public void serialize(Credits value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeNumber(value.toString());
        }
    }

    static final class Reader extends JsonDeserializer<Credits> {
        @Override
        public Credits deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token != JsonToken.VALUE_NUMBER_INT
                    && token != JsonToken.VALUE_NUMBER_FLOAT
                    && token != JsonToken.VALUE_STRING) {
                throw InvalidFormatException.from(p, "amount must be a number", p.getText(), Credits.class);
            }
            try {
                return parse(p.getText());
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), p.getText(), Credits.class);
            }
        }
    }
}
