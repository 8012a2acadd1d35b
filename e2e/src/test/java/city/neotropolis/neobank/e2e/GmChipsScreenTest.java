package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.AdminPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.pages.ProfilePage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

@ExtendWith(Service.class)
@DisplayName("A GM's Chips card on a user's page")
class GmChipsScreenTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    private static JsonNode chipsOf(Service s, String account) {
        return s.call("GET", "/api/admin/chips?account_number=" + account, s.gm(), null)
                .get("chips");
    }

    @Test
    @DisplayName(
            "a GM links a chip, a second link of the same tag is refused in place, Block shows in the player's Profile, Unlink asks first")
    void linkBlockUnlink() {
        Service s = Service.get();
        Service.Session nia = s.register("Nia Castellanos", "nia-password-1");

        Browser gm = BROWSERS.open();
        AdminPage admin = AdminTest.gmApp(gm);
        admin.openUser("Nia Castellanos");
        gm.waitForText("No chips linked.");
        gm.type(admin.field("Chips", "UID"), "04:A2:2B:1C:6E:5D:80");
        gm.type(admin.field("Chips", "Label"), "Left wristband");
        gm.type(admin.field("Chips", "Per-charge limit"), "15");
        gm.type(admin.field("Chips", "Per-day limit"), "60");
        gm.click(admin.button("Chips", "Link chip"));
        gm.waitForText("Chip linked to " + nia.account());
        gm.waitForText("Up to ₡15.00 a tap, ₡60.00 a day without PIN");
        JsonNode linked = chipsOf(s, nia.account());
        assertThat(linked).hasSize(1);
        assertThat(linked.get(0).get("per_charge_limit").asDouble()).isEqualTo(15.0);
        assertThat(linked.get(0).get("blocked").asBoolean()).isFalse();

        // The same tag again, written another way: the server refuses, the card says so, nothing changes.
        gm.type(admin.field("Chips", "UID"), "04a22b1c6e5d80");
        gm.type(admin.field("Chips", "Label"), "Spare");
        gm.click(admin.button("Chips", "Link chip"));
        gm.waitForText("already linked");
        assertThat(chipsOf(s, nia.account())).hasSize(1);
        gm.js("document.getElementById('user-chips').scrollIntoView()");
        Look.check(gm, "admin-user-chips");

        // New limits: a bad amount is refused in the browser, a good one is saved.
        gm.click(gm.button("Limits of Left wristband"));
        gm.type(admin.field("Chips", "Per charge"), "abc");
        gm.click(admin.button("Chips", "Save limits"));
        gm.waitForText("Limits are amounts greater than 0");
        gm.type(admin.field("Chips", "Per charge"), "30");
        gm.type(admin.field("Chips", "Per day"), "120");
        gm.click(admin.button("Chips", "Save limits"));
        gm.waitForText("Chip limits set");
        gm.waitForText("Up to ₡30.00 a tap, ₡120.00 a day without PIN");
        assertThat(chipsOf(s, nia.account()).get(0).get("per_day_limit").asDouble())
                .isEqualTo(120.0);

        gm.click(gm.button("Block Left wristband"));
        gm.waitForText("Chip blocked");
        gm.button("Unblock Left wristband");
        assertThat(chipsOf(s, nia.account()).get(0).get("blocked").asBoolean()).isTrue();

        Browser player = BROWSERS.open();
        LoginPage.open(player).logIn("Nia Castellanos", "nia-password-1");
        ProfilePage.open(player);
        player.waitUntil(
                d -> d.findElement(
                        By.xpath(
                                "//li[contains(., 'Left wristband')]//span[contains(@class, 'pill-off') and normalize-space(.)='Blocked']")));

        gm.click(gm.button("Unlink Left wristband"));
        gm.js("document.getElementById('user-chips').scrollIntoView()");
        Look.check(gm, "admin-user-chips-unlink");
        assertThat(chipsOf(s, nia.account()))
                .as("nothing unlinked before the confirm")
                .hasSize(1);
        gm.click(gm.button("Confirm unlink"));
        gm.waitForText("Chip unlinked: Left wristband.");
        gm.waitForText("No chips linked.");
        assertThat(chipsOf(s, nia.account())).isEmpty();
    }
}
