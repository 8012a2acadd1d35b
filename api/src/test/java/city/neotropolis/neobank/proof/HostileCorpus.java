package city.neotropolis.neobank.proof;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded generator of hostile requests: each route's valid body, mutated the ways careless and
 * malicious clients mutate them. The same seed gives the same corpus, so a failure reproduces.
 */
final class HostileCorpus {

    /** A route and a valid body for it; {@code {me}}, {@code {other}} in the body are filled in per run. */
    record Route(String method, String path, String token, Map<String, Object> validBody, int count) {}

    /** One hostile request. */
    record Request(String label, String method, String path, String token, String contentType, String body) {
        @Override
        public String toString() {
            return label;
        }
    }

    static final List<Object> HOSTILE_VALUES = List.of(
            "",
            " ",
            "\u0000",
            "\u202e\u0041dmin",
            "ad\u200bmin",
            "\u0430dmin",
            "\ufdfa".repeat(4),
            "\u3164\u3164",
            "' OR '1'='1",
            "'; DROP TABLE accounts;--",
            "<script>alert(1)</script>",
            "${jndi:ldap://x/a}",
            "../../etc/passwd",
            "%00",
            "\ud83d\udca5".repeat(40),
            "x".repeat(10_000),
            "NC-SYST-EM00",
            "NC-CASA-0000",
            -1,
            0,
            -0.0,
            1e308,
            -1e308,
            1.005,
            123456789012345678L,
            Long.MAX_VALUE,
            Integer.MIN_VALUE,
            true,
            false,
            List.of(),
            List.of(1, 2),
            Map.of(),
            Map.of("$gt", ""),
            "1e3",
            "NaN",
            "Infinity",
            "-0",
            "0x10",
            "１２３",
            "\t\n");

    private HostileCorpus() {}

    static List<Request> generate(List<Route> routes, long seed) {
        Random r = new Random(seed);
        List<Request> out = new ArrayList<>();
        for (Route route : routes) {
            for (int i = 0; i < route.count(); i++) {
                out.add(mutate(route, r, route.method() + " " + route.path() + " #" + i));
            }
        }
        return out;
    }

    private static Request mutate(Route route, Random r, String label) {
        Map<String, Object> body = new LinkedHashMap<>(route.validBody());
        List<String> fields = new ArrayList<>(body.keySet());
        String contentType = "application/json";
        String path = route.path();
        String raw;
        int kind = r.nextInt(12);
        switch (kind) {
            case 0 -> { // a field gets a hostile value
                if (!fields.isEmpty()) {
                    body.put(pick(fields, r), pick(HOSTILE_VALUES, r));
                }
                raw = json(body);
            }
            case 1 -> { // every field gets a hostile value
                fields.forEach(f -> body.put(f, pick(HOSTILE_VALUES, r)));
                raw = json(body);
            }
            case 2 -> { // a field is missing
                if (!fields.isEmpty()) {
                    body.remove(pick(fields, r));
                }
                raw = json(body);
            }
            case 3 -> { // extra fields, some pretending to be privileges
                body.put(
                        pick(List.of("is_admin", "balance", "id", "account_number", "role", "__proto__"), r),
                        pick(HOSTILE_VALUES, r));
                raw = json(body);
            }
            case 4 -> { // malformed JSON: cut short
                String full = json(body);
                raw = full.substring(0, r.nextInt(Math.max(1, full.length())));
            }
            case 5 -> { // duplicate keys
                String full = json(body);
                raw = fields.isEmpty()
                        ? "{\"a\":1,\"a\":2}"
                        : full.substring(0, full.length() - 1) + ",\"" + pick(fields, r) + "\":"
                                + json(pick(HOSTILE_VALUES, r)) + "}";
            }
            case 6 -> { // the wrong content type
                contentType = pick(
                        List.of(
                                "text/plain",
                                "application/x-www-form-urlencoded",
                                "application/xml",
                                "multipart/form-data; boundary=x",
                                "application/json; charset=ebcdic"),
                        r);
                raw = json(body);
            }
            case 7 -> { // not an object at all
                raw = pick(List.of("null", "[]", "123", "\"text\"", "true", "{}{}", "{\"a\":}", "\u0000", ""), r);
            }
            case 8 -> { // path tricks
                path = path
                        + pick(
                                List.of(
                                        "/..",
                                        "/../../admin",
                                        "%2e%2e/",
                                        "/%00",
                                        "/.%2e/",
                                        ";jsessionid=x",
                                        "/" + "a".repeat(3000),
                                        "?limit=-1",
                                        "?limit=9999999999999",
                                        "//",
                                        "/%ff"),
                                r);
                raw = json(body);
            }
            case 9 -> { // deep nesting
                raw = "[".repeat(2000) + "]".repeat(2000);
            }
            case 10 -> { // unicode and control characters in every string
                fields.forEach(f -> {
                    if (body.get(f) instanceof String s) {
                        body.put(f, s + pick(List.of("\u0007", "\u2028", "\ufeff", "\ud800", "\u0301", "é"), r));
                    }
                });
                raw = json(body);
            }
            default -> { // numbers at the edges, as raw text
                String field = fields.isEmpty() ? "amount" : pick(fields, r);
                body.remove(field);
                String num = pick(
                        List.of(
                                "1e309",
                                "-1e-309",
                                "00012",
                                "1.",
                                ".5",
                                "+5",
                                "0x1F",
                                "1_000",
                                "NaN",
                                "9".repeat(400),
                                "-9223372036854775809"),
                        r);
                String full = json(body);
                raw = full.substring(0, full.length() - 1) + (body.isEmpty() ? "" : ",") + "\"" + field + "\":" + num
                        + "}";
            }
        }
        return new Request(label + " kind " + kind, route.method(), path, route.token(), contentType, raw);
    }

    private static <T> T pick(List<T> list, Random r) {
        return list.get(r.nextInt(list.size()));
    }

    /** A tiny JSON writer that keeps hostile strings as they are (escaping only what JSON requires). */
    static String json(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof String s) {
            StringBuilder b = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    default -> {
                        if (c < 0x20 || Character.isSurrogate(c)) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.append('"').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder b = new StringBuilder("{");
            m.forEach((k, x) -> b.append(b.length() > 1 ? "," : "")
                    .append(json(String.valueOf(k)))
                    .append(':')
                    .append(json(x)));
            return b.append('}').toString();
        }
        if (v instanceof List<?> l) {
            StringBuilder b = new StringBuilder("[");
            l.forEach(x -> b.append(b.length() > 1 ? "," : "").append(json(x)));
            return b.append(']').toString();
        }
        return String.valueOf(v);
    }
}
