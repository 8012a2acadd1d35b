package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.pages.ProfilePage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

@ExtendWith(Service.class)
@DisplayName("A player's chips in the browser")
class ChipsTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @Test
    @DisplayName("the Profile lists the player's own chips with their limits, and Block blocks one at once")
    void seeAndBlock() {
        Service s = Service.get();
        Service.Session kai = s.register("Kai Tanaka", "kai-password-1");
        Service.Session lex = s.register("Lex Moreau", "lex-password-1");
        s.call(
                "POST",
                "/api/admin/chips",
                s.gm(),
                Map.of(
                        "uid",
                        "04:11:22:33:44:55:66",
                        "account_number",
                        kai.account(),
                        "label",
                        "Left wristband",
                        "per_charge_limit",
                        20,
                        "per_day_limit",
                        80));
        s.call(
                "POST",
                "/api/admin/chips",
                s.gm(),
                Map.of("uid", "04:11:22:33:44:55:67", "account_number", kai.account(), "label", "Ring"));
        s.call(
                "POST",
                "/api/admin/chips",
                s.gm(),
                Map.of("uid", "04:11:22:33:44:55:68", "account_number", lex.account(), "label", "Lex's implant"));

        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Kai Tanaka", "kai-password-1");
        ProfilePage.open(b);
        b.waitForText("Left wristband");
        b.waitForText("Up to ₡20.00 a tap");
        assertThat(b.hasText("Lex's implant")).as("another player's chip").isFalse();
        b.js("document.getElementById('chips-title').scrollIntoView()");
        Look.check(b, "profile-chips");

        b.click(b.button("Block Left wristband"));
        b.waitForText("Chip blocked");
        assertThat(
                        b.driver()
                                .findElements(
                                        By.xpath(
                                                "//li[contains(., 'Left wristband')]//span[contains(@class, 'pill-off') and normalize-space(.)='Blocked']")))
                .hasSize(1);
        assertThat(b.button("Block Ring").isEnabled()).isTrue();
        JsonNode mine = s.call("GET", "/api/v1/chips", kai, null).get("chips");
        assertThat(mine).hasSize(2);
        for (JsonNode c : mine) {
            assertThat(c.get("blocked").asBoolean())
                    .as(c.toString())
                    .isEqualTo(c.get("label").asText().equals("Left wristband"));
        }
        b.js("document.getElementById('chips-title').scrollIntoView()");
        Look.check(b, "profile-chips-blocked");
    }
}
