package city.neotropolis.gm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What README.md and docs/*.md mention: their lines, the gm command lines in them, and the routes. */
final class DocsText {
    private DocsText() {}

    static final java.nio.file.Path ROOT =
            java.nio.file.Path.of("..").toAbsolutePath().normalize();
    private static final Pattern GM_CODE = Pattern.compile("`(gm(?: [^`]*)?)`");
    private static final Pattern GM_LINE = Pattern.compile("(?:^|[|;]\\s*|&&\\s*)(gm(?:\\s.*)?)$");
    private static final String METHOD = "(?:GET|POST|PUT|DELETE|PATCH)";
    private static final Pattern ROUTE = Pattern.compile("\\b(" + METHOD + "(?:/" + METHOD + ")*)\\s+(/[^\\s`'\"),]*)");
    private static final Pattern URL = Pattern.compile("https?://[^/\\s`'\"]+(/(?:api|tasks)/[^\\s`'\"),>]*)");
    private static final Pattern CURL_METHOD = Pattern.compile("-X\\s*(" + METHOD + ")");

    /** A mention in a document: where it is and what it says. */
    record Mention(String where, String text) {}

    static List<java.nio.file.Path> documents() {
        try (Stream<java.nio.file.Path> docs = Files.list(ROOT.resolve("docs"))) {
            List<java.nio.file.Path> all = new ArrayList<>();
            all.add(ROOT.resolve("README.md"));
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every line of every document, with a backslash-continued line joined to the next. */
    static List<Mention> lines() {
        List<Mention> out = new ArrayList<>();
        for (java.nio.file.Path doc : documents()) {
            List<String> raw;
            try {
                raw = Files.readAllLines(doc, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = ROOT.relativize(doc).toString();
            for (int i = 0; i < raw.size(); i++) {
                int first = i;
                StringBuilder line = new StringBuilder(raw.get(i));
                while (line.toString().endsWith("\\") && i + 1 < raw.size()) {
                    line.setLength(line.length() - 1);
                    line.append(' ').append(raw.get(++i).strip());
                }
                out.add(new Mention(name + ":" + (first + 1), line.toString()));
            }
        }
        return out;
    }

    /** The gm command lines: inline code spans and lines of shell examples. */
    static List<Mention> gmCommands() {
        List<Mention> out = new ArrayList<>();
        boolean inCode = false;
        for (Mention m : lines()) {
            String line = m.text();
            if (line.strip().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (inCode) {
                Matcher g = GM_LINE.matcher(stripComment(line).strip());
                if (g.find()) {
                    out.add(new Mention(m.where(), g.group(1)));
                }
            } else {
                Matcher c = GM_CODE.matcher(line);
                while (c.find()) {
                    out.add(new Mention(m.where(), c.group(1)));
                }
            }
        }
        return out;
    }

    /** Splits a shell line into words (quotes kept together), stopping at a pipe or redirection. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean any = false;
        char quote = 0;
        for (char ch : command.toCharArray()) {
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                } else {
                    w.append(ch);
                }
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
                any = true;
            } else if (Character.isWhitespace(ch)) {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else if (ch == '|' || ch == '>' || ch == '<' || ch == ';' || ch == '&') {
                break;
            } else {
                w.append(ch);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    private static String stripComment(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quote != 0) {
                quote = ch == quote ? 0 : quote;
            } else if (ch == '"' || ch == '\'') {
                quote = ch;
            } else if (ch == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    /** A route mentioned in the docs: its methods and its path (without the query). */
    record Route(Mention where, List<String> methods, String path) {}

    static List<Route> routes() {
        List<Route> out = new ArrayList<>();
        for (Mention m : lines()) {
            String line = m.text();
            Matcher r = ROUTE.matcher(line);
            while (r.find()) {
                out.add(new Route(m, List.of(r.group(1).split("/")), path(r.group(2))));
            }
            Matcher u = URL.matcher(line);
            while (u.find()) {
                Matcher x = CURL_METHOD.matcher(line);
                String method = line.contains("curl") && x.find() ? x.group(1) : "GET";
                out.add(new Route(m, List.of(method), path(u.group(1))));
            }
        }
        return out;
    }

    private static String path(String raw) {
        String p = raw;
        int q = p.indexOf('?');
        if (q >= 0) {
            p = p.substring(0, q);
        }
        while (p.length() > 1 && ".:;".indexOf(p.charAt(p.length() - 1)) >= 0) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
