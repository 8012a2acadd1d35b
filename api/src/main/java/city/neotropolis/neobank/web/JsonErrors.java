package city.neotropolis.neobank.web;

import city.neotropolis.neobank.money.Credits;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.stream.Collectors;

/** What was wrong with a request body, in words a player or a terminal's programmer can act on. */
final class JsonErrors {
    private JsonErrors() {}

    static String describe(JsonProcessingException e) {
        if (e instanceof JsonParseException) {
            return "Malformed JSON: " + firstLine(e.getOriginalMessage());
        }
        if (e instanceof JsonMappingException m) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String prefix = field.isEmpty() ? "" : field + ": ";
            if (e instanceof InvalidFormatException f && f.getTargetType() == Credits.class) {
                return prefix + firstLine(e.getOriginalMessage());
            }
            if (e instanceof MismatchedInputException mi) {
                if (mi.getTargetType() != null && !field.isEmpty() && integral(mi.getTargetType())) {
                    // 96.5 for a whole-number field is a number of the wrong kind, not a wrong type.
                    return field.endsWith("percentage")
                            ? field + " must be a whole percent, like 96"
                            : field + " must be a whole number";
                }
                if (mi.getTargetType() != null && !field.isEmpty()) {
                    return field + " has the wrong type (expected " + typeName(mi.getTargetType()) + ")";
                }
                if (field.isEmpty()) {
                    return "Request body must be a JSON object";
                }
            }
            return prefix + "invalid value";
        }
        return "Malformed JSON";
    }

    private static boolean integral(Class<?> t) {
        return t == Integer.class
                || t == int.class
                || t == Long.class
                || t == long.class
                || t == Short.class
                || t == short.class
                || t == java.math.BigInteger.class;
    }

    private static String typeName(Class<?> t) {
        if (t == String.class) {
            return "a string";
        }
        if (t == Boolean.class || t == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(t) || t.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable input";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
