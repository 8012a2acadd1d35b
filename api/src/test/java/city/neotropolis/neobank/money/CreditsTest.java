package city.neotropolis.neobank.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Credits, the one amount type")
class CreditsTest {
    final ObjectMapper json = new ObjectMapper();

    @Nested
    @DisplayName("parsing")
    class Parsing {
        @ParameterizedTest(name = "\"{0}\" is {1} hundredths")
        @CsvSource({
            "0,0",
            "1,100",
            "12.5,1250",
            "12.50,1250",
            "0.01,1",
            "-3.25,-325",
            "999999999999.99,99999999999999",
            "' 7 ',700"
        })
        void plain(String text, long hundredths) {
            assertThat(Credits.parse(text).hundredths()).isEqualTo(hundredths);
        }

        @ParameterizedTest(name = "\"{0}\" is refused")
        @ValueSource(
                strings = {
                    "",
                    "abc",
                    "1e2",
                    "1E2",
                    "NaN",
                    "Infinity",
                    "-Infinity",
                    "0x10",
                    "1,5",
                    "+5",
                    "01",
                    ".5",
                    "5.",
                    "1.001",
                    "1.0000",
                    "--1",
                    "1 000",
                    "1000000000000000",
                    "1000000000000.01"
                })
        void refused(String text) {
            assertThatThrownBy(() -> Credits.parse(text))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("amount");
        }

        @Test
        @DisplayName("says so when there are too many decimals")
        void decimals() {
            assertThatThrownBy(() -> Credits.parse("2.345")).hasMessage("amount must have at most 2 decimals");
        }

        @Test
        @DisplayName("goes by how the amount is written: 1.000 has three decimals, 1e-2 an exponent")
        void writtenForm() {
            assertThatThrownBy(() -> Credits.parse("1.000")).hasMessage("amount must have at most 2 decimals");
            assertThatThrownBy(() -> Credits.parse("1e-2"))
                    .hasMessage("amount must be written without an exponent, like 0.01 or 100");
            assertThatThrownBy(() -> Credits.parse("1E2"))
                    .hasMessage("amount must be written without an exponent, like 0.01 or 100");
            assertThat(Credits.parse("1.00").hundredths()).isEqualTo(100);
            assertThat(Credits.parse("0.01").hundredths()).isEqualTo(1);
        }

        @Test
        @DisplayName("refuses null")
        void nothing() {
            assertThatThrownBy(() -> Credits.parse(null)).hasMessage("amount is required");
        }
    }

    @Nested
    @DisplayName("formatting")
    class Formatting {
        @ParameterizedTest(name = "{0} hundredths read \"{1}\"")
        @CsvSource({"0,0", "100,1", "1250,12.5", "1,0.01", "-325,-3.25", "100000,1000", "101,1.01"})
        void plain(long hundredths, String text) {
            assertThat(Credits.ofHundredths(hundredths).toString()).isEqualTo(text);
        }

        @Test
        @DisplayName("writes a JSON number without exponent, and reads numbers and numeric strings")
        void jsonRoundTrip() throws Exception {
            assertThat(json.writeValueAsString(Credits.of(100))).isEqualTo("100");
            assertThat(json.writeValueAsString(Credits.ofHundredths(1050))).isEqualTo("10.5");
            assertThat(json.readValue("12.34", Credits.class)).isEqualTo(Credits.ofHundredths(1234));
            assertThat(json.readValue("\"12.34\"", Credits.class)).isEqualTo(Credits.ofHundredths(1234));
            assertThatThrownBy(() -> json.readValue("1e3", Credits.class)).hasMessageContaining("exponent");
            assertThatThrownBy(() -> json.readValue("true", Credits.class)).hasMessageContaining("must be a number");
        }
    }

    @Nested
    @DisplayName("arithmetic")
    class Arithmetic {
        @Test
        @DisplayName("adds, subtracts and compares exactly")
        void exact() {
            Credits a = Credits.parse("0.1");
            Credits b = Credits.parse("0.2");
            assertThat(a.plus(b)).isEqualTo(Credits.parse("0.3"));
            assertThat(b.minus(a).minus(a)).isEqualTo(Credits.ZERO);
            assertThat(a.negate().isNegative()).isTrue();
            assertThat(a.compareTo(b)).isNegative();
            assertThat(Credits.of(5).times(3)).isEqualTo(Credits.of(15));
        }

        @Test
        @DisplayName("fails loudly instead of overflowing")
        void overflow() {
            assertThatThrownBy(() -> Credits.ofHundredths(Long.MAX_VALUE).plus(Credits.ofHundredths(1)))
                    .isInstanceOf(ArithmeticException.class);
        }
    }
}
