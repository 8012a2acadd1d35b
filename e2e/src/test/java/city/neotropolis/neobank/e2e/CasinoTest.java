package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.casino.fair.ProvablyFair;
import city.neotropolis.neobank.casino.math.GameMath;
import city.neotropolis.neobank.casino.math.Machine;
import city.neotropolis.neobank.casino.math.ReelSet;
import city.neotropolis.neobank.e2e.pages.CasinoPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@ExtendWith(Service.class)
@DisplayName("Chrome Slots in the browser")
class CasinoTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @Test
    @DisplayName("spin both machines, then verify a spin in the browser after rotating the seed")
    void spinAndVerify() {
        Service s = Service.get();
        Service.Session vega = s.register("Vega Nightshade", "vega-password-1");
        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Vega Nightshade", "vega-password-1");
        CasinoPage casino = CasinoPage.open(b);
        Look.check(b, "casino");

        casino.game("Glitch Grid");
        Look.check(b, "glitch-grid");
        // The bet field keeps to the game's limits and steps.
        casino.bet("5");
        assertThat(casino.betValue()).isEqualTo("10");
        casino.bet("5000");
        assertThat(casino.betValue()).isEqualTo("1000");
        casino.bet("20");
        String first = casino.spin();
        assertThat(first).matches("(You win .*|No win this time)");

        // Reels instant from here on, as for a player who asks for less motion; spin until a win.
        b.reducedMotion();
        String result = first;
        for (int i = 0; i < 80 && !result.startsWith("You win"); i++) {
            result = casino.spin();
        }
        assertThat(result).startsWith("You win");
        Look.check(b, "glitch-grid-win");

        b.click(b.link("Starlight Smuggler"));
        b.field("Bet");
        String star = casino.spin();
        assertThat(star).matches("(You win .*|No win this time).*");
        assertThat(casino.reels().split(",")).hasSize(3);
        Look.check(b, "starlight");

        JsonNode account = s.call("GET", "/api/v1/account", vega, null).get("account");
        assertThat(b.labelled("Current balance " + money(account.get("balance").asDouble())))
                .isNotNull();

        casino.fairness();
        List<Long> spins = b.waitUntil(d -> {
            List<Long> ids = spinIds(b);
            return ids.isEmpty() ? null : ids;
        });
        assertThat(spins.size())
                .as("a Glitch Grid and a Starlight spin at least")
                .isGreaterThanOrEqualTo(2);
        long firstSpin = spins.get(spins.size() - 1);
        assertThat(casino.verify(firstSpin)).contains("still secret");
        Look.check(b, "fairness");

        casino.rotate();
        String verdict = casino.verify(firstSpin);
        assertThat(verdict).contains("Verified");
        JsonNode record = s.call("GET", "/api/v1/casino/spins/" + firstSpin, vega, null);
        String shown = b.driver()
                .findElement(By.xpath("//*[starts-with(@aria-label, 'Recomputed reels:')]"))
                .getAttribute("aria-label");
        assertThat(shown)
                .isEqualTo("Recomputed reels: "
                        + String.join(" ", texts(record.get("grid").get(0))));
        long lastSpin = spins.get(0);
        assertThat(casino.verify(lastSpin)).contains("Verified");
        Look.check(b, "fairness-verified");
    }

    @Test
    @DisplayName("three vortex scatters award free spins: the banner shows them and Spin plays them at no cost")
    void freeSpins() {
        Service s = Service.get();
        Service.Session juno = s.register("Juno Freefall", "juno-password-1");
        Service.LiveSeed live = s.liveSeed(juno);
        int payout = 0;
        for (JsonNode g : s.call("GET", "/api/v1/casino/games", juno, null).get("games")) {
            if (g.get("name").asText().equals("starlight_smuggler")) {
                payout = g.get("payout_percentage").asInt();
            }
        }
        String clientSeed = freeSpinSeed(live, payout);
        s.call("PUT", "/api/v1/casino/fairness", juno, Map.of("client_seed", clientSeed));

        Browser b = BROWSERS.open();
        b.reducedMotion();
        LoginPage.open(b).logIn("Juno Freefall", "juno-password-1");
        CasinoPage casino = CasinoPage.open(b).game("Starlight Smuggler");
        casino.bet("5");
        assertThat(casino.spin()).contains("5 free spins awarded!");
        b.waitForText("5 free spins");
        assertThat(b.field("Bet").isEnabled())
                .as("the bet is fixed while free spins last")
                .isFalse();
        Look.check(b, "starlight-free-spins");

        double before = s.balance(juno);
        String freeSpin = casino.spin();
        assertThat(freeSpin).contains("free spin, ");
        JsonNode account = s.call("GET", "/api/v1/account", juno, null).get("account");
        assertThat(account.get("balance").asDouble())
                .as("a free spin costs nothing")
                .isGreaterThanOrEqualTo(before);
        int left = account.get("free_spins").asInt();
        assertThat(freeSpin).contains("free spin, " + left + " left");
        assertThat(left).isBetween(4, 9);
    }

    /** A client seed whose next Starlight spin shows three or more scatters, found as a cheat would. */
    private static String freeSpinSeed(Service.LiveSeed live, int payout) {
        GameMath math = GameMath.builtIn("starlight_smuggler");
        Machine machine = math.machine();
        ReelSet set = math.set(payout);
        for (int i = 0; i < 1_000_000; i++) {
            String candidate = "free-spins-" + i;
            int[] stops = ProvablyFair.stops(live.serverSeed(), candidate, live.nonce(), set);
            if (machine.triggersFreeSpins(machine.scatters(stops))) {
                return candidate;
            }
        }
        throw new AssertionError("no client seed in a million gives free spins");
    }

    @Test
    @DisplayName("a machine the GMs switched off refuses the spin and says why")
    void switchedOff() {
        Service s = Service.get();
        s.register("Orrin Vale", "orrin-password-1");
        Browser b = BROWSERS.open();
        LoginPage.open(b).logIn("Orrin Vale", "orrin-password-1");
        CasinoPage.open(b).game("Glitch Grid");
        s.call("PUT", "/api/admin/casino/config/glitch_grid", s.gm(), Map.of("is_enabled", false));
        try {
            b.click(b.button("Spin"));
            b.waitForText("Glitch Grid is closed right now");
            Look.check(b, "glitch-grid-closed");
            b.click(b.link("Back to the casino"));
            b.waitForText("Closed by the GMs");
        } finally {
            s.call("PUT", "/api/admin/casino/config/glitch_grid", s.gm(), Map.of("is_enabled", true));
        }
    }

    private static List<Long> spinIds(Browser b) {
        List<Long> ids = new ArrayList<>();
        Pattern p = Pattern.compile("Spin #(\\d+)");
        for (WebElement e :
                b.driver().findElements(By.xpath("//li//strong[starts-with(normalize-space(.), 'Spin #')]"))) {
            Matcher m = p.matcher(e.getText());
            if (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
        }
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    static String money(double amount) {
        return "₡" + String.format(java.util.Locale.US, "%,.2f", amount);
    }
}
