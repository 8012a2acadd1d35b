package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.e2e.pages.BankPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Look;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An event that hands out a code at check-in (issue 10): the sign-up screen asks the bank which
 * mode it runs in, shows the event code field, and the bank's refusal of a wrong code shows in
 * place. A bank of its own, since the shared one runs in the default open mode.
 */
@DisplayName("Registering at an event with an event code")
class RegistrationCodeTest {
    static DropwizardTestSupport<NeoBankConfiguration> app;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("neobank-e2e-code-");
        app = new DropwizardTestSupport<>(
                NeoBankApplication.class,
                ResourceHelpers.resourceFilePath("e2e-config.yml"),
                ConfigOverride.config("database.url", "jdbc:sqlite:" + dir.resolve("neobank.db")),
                ConfigOverride.config("bank.dataDir", dir.toString()),
                ConfigOverride.config("registration.mode", "code"),
                ConfigOverride.config("registration.eventCode", "NEON-2077"),
                ConfigOverride.config("registration.startingBalanceFor", "gm"));
        app.before();
    }

    @AfterAll
    static void stop() {
        app.after();
    }

    @Test
    @DisplayName("the screen asks for the code; a wrong one is refused in place, the right one gets in")
    void withCode() {
        try (Browser b = Browser.open("http://127.0.0.1:" + app.getLocalPort())) {
            LoginPage login = LoginPage.open(b).startRegistration();
            login.fill("Kira Vance", "kira-password-1");
            b.type(b.field("Event code"), "NEON-2078");
            Look.check(b, "register-event-code");
            b.click(b.button("Register"));
            assertThat(login.error()).contains("Wrong event code");

            b.type(b.field("Event code"), "NEON-2077");
            b.click(b.button("Register"));
            BankPage bank = new BankPage(b).ready();
            assertThat(bank.balance())
                    .as("self-registered characters start with nothing in this mode")
                    .isEqualTo("₡0.00");
        }
    }
}
