package city.neotropolis.gm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * What a wrong command line was, said in the console's own words (no Java type names, no argument
 * indexes), and the nearest real command when a word is unknown.
 */
final class ConsoleWords {
    private ConsoleWords() {}

    /** Number converters that say what a number should look like instead of naming a Java type. */
    static void register(CommandLine cl) {
        cl.registerConverter(BigDecimal.class, ConsoleWords::credits);
        cl.registerConverter(Integer.class, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Integer.TYPE, v -> (int) whole(v, Integer.MIN_VALUE, Integer.MAX_VALUE));
        cl.registerConverter(Long.class, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE));
        cl.registerConverter(Long.TYPE, v -> whole(v, Long.MIN_VALUE, Long.MAX_VALUE));
    }

    private static BigDecimal credits(String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an amount of credits (e.g. 50 or -12.5)");
        }
    }

    private static long whole(String value, long min, long max) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a whole number");
        }
    }

    /** The problem in one line. */
    static String problem(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String word = u.getUnmatched().get(0);
            CommandSpec cmd = ex.getCommandLine().getCommandSpec();
            if (word.startsWith("-")) {
                return "'" + cmd.qualifiedName() + "' has no option " + word;
            }
            if (!cmd.subcommands().isEmpty()) {
                return "'" + word + "' is not a command of '" + cmd.qualifiedName() + "'";
            }
            return "'" + cmd.qualifiedName() + "' does not take '" + word + "'";
        }
        if (ex.getCause() instanceof TypeConversionException t && ex.getArgSpec() != null) {
            return label(ex.getArgSpec()) + ": " + t.getMessage();
        }
        return ex.getMessage();
    }

    /** "Did you mean …?" with the nearest real commands, when a word was not one. */
    static Optional<String> suggestion(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String word = u.getUnmatched().get(0).toLowerCase(Locale.ROOT);
        if (word.startsWith("-")) {
            return Optional.empty();
        }
        // Nearest first where the word was typed (users lsit), then anywhere (verify: ledger verify).
        for (CommandLine where = ex.getCommandLine(); where != null; where = where.getParent()) {
            List<String> exact = new ArrayList<>();
            List<String> near = new ArrayList<>();
            collect(where.getCommandSpec(), word, exact, near);
            List<String> best = exact.isEmpty() ? near : exact;
            if (!best.isEmpty()) {
                return Optional.of("Did you mean: "
                        + String.join(", ", best.stream().limit(3).toList()) + "?");
            }
        }
        return Optional.empty();
    }

    private static void collect(CommandSpec spec, String word, List<String> exact, List<String> near) {
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec s = sub.getCommandSpec();
            if (s.usageMessage().hidden() || s.name().equals("help")) {
                continue;
            }
            String name = s.name();
            String qualified = s.qualifiedName();
            if (name.equals(word) && !exact.contains(qualified)) {
                exact.add(qualified);
            } else if (distance(name, word) <= Math.max(1, word.length() / 3) && !near.contains(qualified)) {
                near.add(qualified);
            }
            collect(s, word, exact, near);
        }
    }

    /** Levenshtein distance, with a swap of two neighbours counted as one edit (lsit → list). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String label(ArgSpec arg) {
        if (arg instanceof OptionSpec o) {
            return o.longestName();
        }
        return arg.paramLabel();
    }
}
