package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Tables for people")
class TableTest {

    static String printed(Consumer<PrintWriter> print) {
        StringWriter s = new StringWriter();
        print.accept(new PrintWriter(s));
        return s.toString();
    }

    @Nested
    @DisplayName("a table")
    class Plain {
        @Test
        @DisplayName("pads columns, right-aligns numbers, says yes/no for booleans, trims line ends")
        void layout() throws Exception {
            Table t = new Table("NAME", "BALANCE", "GM")
                    .row("Kay", Api.JSON.readTree("1000.5"), Api.JSON.readTree("true"))
                    .row("Zed the Long", Api.JSON.readTree("7"), Api.JSON.readTree("false"));

            String out = printed(o -> t.print(o, false));

            assertThat(out.lines())
                    .containsExactly(
                            "NAME          BALANCE  GM", "Kay            1000.5  yes", "Zed the Long        7  no");
        }

        @Test
        @DisplayName("bolds the header only when colours are on, and keeps newlines out of cells")
        void colourAndNewlines() {
            Table t = new Table("MEMO").row("two\nlines");

            assertThat(printed(o -> t.print(o, true)))
                    .startsWith("\u001B[1mMEMO\u001B[0m")
                    .contains("two lines");
            assertThat(printed(o -> t.print(o, false))).doesNotContain("\u001B");
        }

        @Test
        @DisplayName("shortens computed figures to 4 decimals but never money")
        void decimals() throws Exception {
            assertThat(Table.text(Api.JSON.readTree("96.0011117287382"))).isEqualTo("96.0011");
            assertThat(Table.text(Api.JSON.readTree("12.50"))).isEqualTo("12.50");
        }
    }

    @Nested
    @DisplayName("a JSON object")
    class Objects {
        @Test
        @DisplayName("prints plain values as KEY/VALUE, nested objects and lists as their own titled tables")
        void nested() throws Exception {
            String json = "{\"players\": 3, \"ok\": true, \"house\": {\"balance\": 10},"
                    + " \"top\": [{\"name\": \"Kay\", \"balance\": 5}, {\"name\": \"Zed\"}]}";

            com.fasterxml.jackson.databind.JsonNode tree = Api.JSON.readTree(json);

            String out = printed(o -> Table.printObject(tree, o, false));

            assertThat(out)
                    .containsPattern("players +3")
                    .containsPattern("ok +yes")
                    .contains("house:")
                    .containsPattern("balance +10")
                    .contains("top:")
                    .containsPattern("NAME +BALANCE")
                    .containsPattern("Kay +5")
                    .containsPattern("Zed\\s*\\n");
        }
    }
}
