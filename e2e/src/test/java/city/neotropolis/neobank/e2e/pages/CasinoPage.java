package city.neotropolis.neobank.e2e.pages;

import city.neotropolis.neobank.e2e.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The casino: lobby, a machine, and the fairness panel. */
public final class CasinoPage {
    private final Browser b;

    public CasinoPage(Browser b) {
        this.b = b;
    }

    public static CasinoPage open(Browser b) {
        b.click(b.link("Casino"));
        b.link("Glitch Grid");
        return new CasinoPage(b);
    }

    public CasinoPage game(String title) {
        b.click(b.link(title));
        b.field("Bet");
        b.button("Spin");
        return this;
    }

    public CasinoPage bet(String amount) {
        WebElement bet = b.field("Bet");
        bet.sendKeys(
                org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                amount,
                org.openqa.selenium.Keys.TAB);
        return this;
    }

    public String betValue() {
        return b.field("Bet").getAttribute("value");
    }

    /** Spins and waits for the announced result; returns it. */
    public String spin() {
        b.click(b.button("Spin"));
        return b.waitUntil(d -> {
            WebElement out = d.findElement(By.xpath("//div[@role='status' and contains(@class, 'outcome')]"));
            String t = out.getText();
            return t.startsWith("You win") || t.startsWith("No win") ? t : null;
        });
    }

    public String reels() {
        return b.driver()
                .findElement(By.xpath("//*[@role='img' and starts-with(@aria-label, 'Reels:')]"))
                .getAttribute("aria-label");
    }

    public CasinoPage fairness() {
        b.click(b.link("Fairness"));
        b.field("Client seed");
        return this;
    }

    public CasinoPage rotate() {
        b.click(b.button("Rotate seed"));
        b.waitForText("Revealed server seed");
        return this;
    }

    /** Verifies a spin in the browser and returns what the panel says. */
    public String verify(long spinId) {
        b.click(b.button("Verify spin " + spinId));
        return b.waitUntil(d -> {
            String t = d.findElement(By.xpath("//li[.//strong[normalize-space(.)='Spin #" + spinId + "']]"))
                    .getText();
            return t.contains("Verified") || t.contains("do not give") || t.contains("still secret") ? t : null;
        });
    }
}
