package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.BankPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.pages.ProfilePage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(Service.class)
@DisplayName("A player's profile and session in the browser")
class ProfileTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @Test
    @DisplayName("avatar, faction, password and terminal PIN; log out drops the token")
    void profileAndPin() {
        Service s = Service.get();
        Service.Session zed = s.register("Zed Kovacs", "zed-password-1");
        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Zed Kovacs", "zed-password-1");
        ProfilePage profile = ProfilePage.open(b).avatar("🦊");
        assertThat(b.driver().findElement(org.openqa.selenium.By.xpath("//header//*[normalize-space(.)='🦊']")))
                .isNotNull();
        profile.faction("Neon Jackals");
        b.waitForText("a GM confirms membership");
        assertThat(s.call("GET", "/api/v1/account", zed, null)
                        .get("account")
                        .get("faction")
                        .asText())
                .as("asking is not joining")
                .isEmpty();
        assertThat(s.call("GET", "/api/admin/factions/requests", s.gm(), null).toString())
                .contains("Neon Jackals");

        profile.setPin("4321", "wrong-password");
        b.waitForText("Current password is incorrect");
        profile.setPin("4321", "zed-password-1");
        b.waitForText("Terminal PIN set");

        profile.changePassword("zed-password-1", "zed-password-2");
        b.waitForText("Password changed");
        Look.check(b, "profile");

        LoginPage login = profile.logOut();
        assertThat(b.js("return localStorage.getItem('neobank.token')")).isNull();
        login.attempt("Zed Kovacs", "zed-password-1");
        assertThat(login.error()).contains("Invalid character name or password");
        Look.check(b, "login-error");
        BankPage bank = login.logIn("Zed Kovacs", "zed-password-2");
        assertThat(bank.balance()).isEqualTo("₡1,000.00");
    }

    @Test
    @DisplayName("a freeze ends the session at once and log-in says what it means")
    void frozen() {
        Service s = Service.get();
        Service.Session ivy = s.register("Ivy Locke", "ivy-password-1");
        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Ivy Locke", "ivy-password-1");
        s.call(
                "POST",
                "/api/admin/users/" + ivy.account() + "/freeze",
                s.gm(),
                Map.of("reason", "Investigated for fraud"));
        // The open app's next live-balance check gets 401: the token is dropped and log-in shows.
        LoginPage login = new LoginPage(b).ready();
        b.waitForText("Your session ended");
        assertThat(b.js("return localStorage.getItem('neobank.token')")).isNull();
        login.attempt("Ivy Locke", "ivy-password-1");
        b.waitForText("Account frozen");
        b.waitForText("Find a GM");
        Look.check(b, "frozen");
        s.call("POST", "/api/admin/users/" + ivy.account() + "/unfreeze", s.gm(), Map.of("reason", "Cleared"));
    }

    @Test
    @DisplayName("too many log-in attempts: the bank's 429 says how long to wait, and the button waits too")
    void rateLimited() {
        Service.get().register("Nyx Harrow", "nyx-password-1");
        Browser b = BROWSERS.open();
        LoginPage login = LoginPage.open(b);
        String error = "";
        for (int i = 0; i < 15 && !error.startsWith("Too many attempts"); i++) {
            login.attempt("Nyx Harrow", "not-her-password");
            b.waitUntil(d -> !login.error().isBlank() && b.button("Log in").isEnabled()
                    || login.error().startsWith("Too many attempts"));
            error = login.error();
        }
        assertThat(error).matches("Too many attempts\\. Try again in \\d+ s\\.");
        assertThat(b.button("Log in").isEnabled()).isFalse();
        Look.check(b, "login-rate-limited");
    }

    @Test
    @DisplayName("the registration form asks for what the bank's registration mode needs")
    void registrationMode() {
        Browser b = BROWSERS.open();
        LoginPage.open(b).startRegistration();
        String mode = Service.get().registrationMode();
        switch (mode) {
            case "code" -> assertThat(b.field("Event code")).isNotNull();
            case "closed" -> b.waitForText("Registration is closed");
            default -> {
                assertThat(b.driver().findElements(org.openqa.selenium.By.id("login-code")))
                        .isEmpty();
                assertThat(b.field("Faction")).isNotNull();
            }
        }
    }
}
