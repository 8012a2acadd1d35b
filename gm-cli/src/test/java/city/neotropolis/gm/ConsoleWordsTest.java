package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A wrong command line is answered in the console's own words, before anything reaches the service. */
@DisplayName("gm says what was wrong in its own words")
class ConsoleWordsTest {

    static Service.Run gm(String... args) {
        return Service.gmRaw(Map.of(), "", args);
    }

    @Nested
    @DisplayName("wrong values")
    class Values {
        @Test
        @DisplayName("an amount that is not a number names the argument and an example, no Java")
        void amount() {
            Service.Run r = gm("users", "adjust", "NC-7K2P-QX4D", "abc", "--reason", "x");

            assertThat(r.code()).isEqualTo(GmException.USAGE);
            assertThat(r.err())
                    .contains("gm: AMOUNT: 'abc' is not an amount of credits (e.g. 50 or -12.5)")
                    .doesNotContain("BigDecimal", "java.", "Exception", "index");
            assertThat(r.out()).isEmpty();
        }

        @Test
        @DisplayName("a count that is not a whole number names the option")
        void wholeNumber() {
            Service.Run r = gm("tx", "tail", "--count", "ten");

            assertThat(r.code()).isEqualTo(GmException.USAGE);
            assertThat(r.err())
                    .contains("gm: --count: 'ten' is not a whole number")
                    .doesNotContain("java.");
        }
    }

    @Nested
    @DisplayName("unknown words")
    class Unknown {
        @Test
        @DisplayName("a command that lives in a group is suggested with its group")
        void elsewhere() {
            Service.Run r = gm("verify");

            assertThat(r.code()).isEqualTo(GmException.USAGE);
            assertThat(r.err())
                    .contains("gm: 'verify' is not a command of 'gm'")
                    .contains("Did you mean: gm ledger verify?")
                    .doesNotContain("Unmatched", "index");
        }

        @Test
        @DisplayName("a typo is matched to the nearest command of the group it was typed in")
        void typo() {
            Service.Run r = gm("users", "serch", "kay");

            assertThat(r.err())
                    .contains("gm: 'serch' is not a command of 'gm users'")
                    .contains("Did you mean: gm users search?");
        }

        @Test
        @DisplayName("an extra argument and an unknown option are named as such")
        void extra() {
            assertThat(gm("users", "show", "NC-1", "NC-2").err()).contains("'gm users show' does not take 'NC-2'");
            assertThat(gm("backup", "--frob").err()).contains("'gm backup' has no option --frob");
        }
    }

    @Nested
    @DisplayName("help")
    class Help {
        @Test
        @DisplayName("a group alone shows its subcommands on stdout and exits 0")
        void groupAlone() {
            Service.Run r = gm("backup");

            assertThat(r.code()).isZero();
            assertThat(r.out()).contains("Usage: gm backup", "create", "list", "download");
        }

        @Test
        @DisplayName("only the top level says it opens a shell; no footer line is wrapped mid-phrase")
        void footer() {
            String top = gm("--help").out();
            String sub = gm("users", "adjust", "--help").out();

            assertThat(top).contains("With no command, gm opens an interactive shell.");
            assertThat(sub).doesNotContain("interactive shell").contains("Exit codes: 0 ok");
            assertThat(top.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(80));
            assertThat(top).contains("1 refused by the server, 2 usage").doesNotContain("server,\n");
        }
    }
}
