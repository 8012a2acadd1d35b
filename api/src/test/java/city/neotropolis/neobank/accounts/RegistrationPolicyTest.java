package city.neotropolis.neobank.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.NeoBankConfiguration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A mistyped registration setting stops the service at start, saying which variable to fix. */
@DisplayName("The registration settings")
class RegistrationPolicyTest {

    static NeoBankConfiguration.RegistrationConfig config(String mode, String code, String balanceFor) {
        NeoBankConfiguration.RegistrationConfig c = new NeoBankConfiguration.RegistrationConfig();
        c.mode = mode;
        c.eventCode = code;
        c.startingBalanceFor = balanceFor;
        return c;
    }

    @Test
    @DisplayName("default to open, with the starting balance for everyone")
    void defaults() {
        Registration r = new NeoBankConfiguration.RegistrationConfig().policy();
        assertThat(r.mode()).isEqualTo(Registration.Mode.OPEN);
        assertThat(r.startingBalanceForSelfRegistered()).isTrue();
    }

    @Test
    @DisplayName("read modes in any case, and gm for the starting balance")
    void parse() {
        Registration r = config(" Code ", "NEON-2077", "GM").policy();
        assertThat(r.mode()).isEqualTo(Registration.Mode.CODE);
        assertThat(r.startingBalanceForSelfRegistered()).isFalse();
        assertThat(config("closed", "", "all").policy().mode()).isEqualTo(Registration.Mode.CLOSED);
    }

    @Test
    @DisplayName("refuse an unknown mode, code mode without a code, and an unknown starting-balance rule")
    void refuse() {
        assertThatThrownBy(() -> config("invite", "", "all").policy())
                .hasMessageContaining("NEOBANK_REGISTRATION_MODE");
        assertThatThrownBy(() -> config("code", " ", "all").policy()).hasMessageContaining("NEOBANK_EVENT_CODE");
        assertThatThrownBy(() -> config("open", "", "some").policy())
                .hasMessageContaining("NEOBANK_STARTING_BALANCE_FOR");
    }
}
