package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A plain text table for people: padded columns, numbers right-aligned, a bold header on a colour terminal. */
public final class Table {
    private static final String BOLD = "\u001B[1m";
    private static final String RESET = "\u001B[0m";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public Table row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c instanceof JsonNode n ? text(n) : c == null ? "" : String.valueOf(c));
        }
        rows.add(r);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out, boolean colour) {
        int n = headers.size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        for (int i = 0; i < n; i++) {
            width[i] = headers.get(i).length();
            numeric[i] = !rows.isEmpty();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < n; i++) {
                String c = cell(r, i);
                width[i] = Math.max(width[i], c.length());
                numeric[i] &= c.isEmpty() || c.matches("-?\\d+(\\.\\d+)?%?");
            }
        }
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < n; i++) {
            head.append(pad(headers.get(i), width[i], numeric[i], i == n - 1));
        }
        out.println(
                colour
                        ? BOLD + head.toString().stripTrailing() + RESET
                        : head.toString().stripTrailing());
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < n; i++) {
                line.append(pad(cell(r, i), width[i], numeric[i], i == n - 1));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }

    private static String cell(List<String> r, int i) {
        return i < r.size() ? r.get(i).replace('\n', ' ').replace('\r', ' ') : "";
    }

    private static String pad(String s, int width, boolean right, boolean last) {
        String gap = last ? "" : "  ";
        if (right) {
            return " ".repeat(width - s.length()) + s + gap;
        }
        return s + " ".repeat(width - s.length()) + gap;
    }

    /** How a JSON value reads in a cell. */
    public static String text(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "";
        }
        if (n.isBoolean()) {
            return n.asBoolean() ? "yes" : "no";
        }
        if (n.isNumber()) {
            java.math.BigDecimal d = n.decimalValue();
            // Money has at most 2 decimals; only computed figures (RTP, odds) get shortened for reading.
            return (d.scale() > 4 ? d.setScale(4, java.math.RoundingMode.HALF_EVEN) : d).toPlainString();
        }
        if (n.isArray()) {
            List<String> parts = new ArrayList<>();
            n.forEach(e -> parts.add(text(e)));
            return String.join(", ", parts);
        }
        if (n.isObject()) {
            return n.toString();
        }
        return n.asText();
    }

    /**
     * Any JSON object as tables: its plain values as one KEY/VALUE table, each nested object as its own titled
     * table, each list of objects as a table with one column per field.
     */
    public static void printObject(JsonNode obj, PrintWriter out, boolean colour) {
        printObject("", obj, out, colour);
    }

    private static void printObject(String title, JsonNode obj, PrintWriter out, boolean colour) {
        Table plain = new Table("KEY", "VALUE");
        List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            boolean listOfObjects = v.isArray() && !v.isEmpty() && v.get(0).isObject();
            if ((v.isObject() && !v.isEmpty()) || listOfObjects) {
                nested.add(e);
            } else {
                plain.row(e.getKey(), v);
            }
        }
        boolean first = true;
        if (!plain.isEmpty()) {
            if (!title.isEmpty()) {
                out.println(title + ":");
            }
            plain.print(out, colour);
            first = false;
        }
        for (Map.Entry<String, JsonNode> e : nested) {
            if (!first) {
                out.println();
            }
            first = false;
            String name = title.isEmpty() ? e.getKey() : title + "." + e.getKey();
            if (e.getValue().isObject()) {
                printObject(name, e.getValue(), out, colour);
            } else {
                out.println(name + ":");
                printList(e.getValue(), out, colour);
            }
        }
        out.flush();
    }

    /** A list of JSON objects, one column per field seen in any of them. */
    public static void printList(JsonNode list, PrintWriter out, boolean colour) {
        Set<String> columns = new LinkedHashSet<>();
        list.forEach(o -> o.fieldNames().forEachRemaining(columns::add));
        List<String> names = new ArrayList<>(columns);
        Table t = new Table(
                names.stream().map(c -> c.toUpperCase(java.util.Locale.ROOT)).toList());
        for (JsonNode o : list) {
            t.row(names.stream().map(o::get).toArray());
        }
        t.print(out, colour);
    }
}
