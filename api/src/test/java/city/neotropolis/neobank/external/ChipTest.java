package city.neotropolis.neobank.external;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("Chips (NFC tags) on SQLite")
class ChipTest extends ChipChecks {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static Terminals t;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
    }

    @Override
    Terminals terminals() {
        return t;
    }

    @Test
    @DisplayName("UIDs normalise across reader formats and hash under the key only")
    void uids() {
        ChipUids a = new ChipUids(new byte[32]);
        byte[] other = new byte[32];
        other[0] = 1;
        ChipUids b = new ChipUids(other);
        org.assertj.core.api.Assertions.assertThat(ChipUids.normalize(" 04:a2-2b 1c:6e:5d:80 "))
                .isEqualTo("04A22B1C6E5D80");
        org.assertj.core.api.Assertions.assertThat(a.hash("0x04A22B1C6E5D80"))
                .isEqualTo(a.hash("04:a2:2b:1c:6e:5d:80"));
        org.assertj.core.api.Assertions.assertThat(a.hash("04A22B1C6E5D80")).isNotEqualTo(b.hash("04A22B1C6E5D80"));
    }

    @Test
    @DisplayName("without NEOBANK_CHIP_KEY, replicas sharing the signing key derive one chip key")
    void derivedKey() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getenv("NEOBANK_CHIP_KEY") == null, "NEOBANK_CHIP_KEY is set in this environment");
        String secret = "s".repeat(40);
        byte[] one = city.neotropolis.neobank.auth.SecretKeys.chipKey(secret, TestApp.tempDir());
        byte[] two = city.neotropolis.neobank.auth.SecretKeys.chipKey(secret, TestApp.tempDir());
        byte[] other = city.neotropolis.neobank.auth.SecretKeys.chipKey("t".repeat(40), TestApp.tempDir());
        org.assertj.core.api.Assertions.assertThat(one)
                .hasSize(32)
                .isEqualTo(two)
                .isNotEqualTo(other);
        org.assertj.core.api.Assertions.assertThat(new String(one, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(secret);
    }
}
