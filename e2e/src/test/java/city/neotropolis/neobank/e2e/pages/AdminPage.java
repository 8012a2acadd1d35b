package city.neotropolis.neobank.e2e.pages;

import city.neotropolis.neobank.e2e.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The GM screens: the "Admin" tab, its sections, and fields found by their label inside a card. */
public final class AdminPage {
    private final Browser b;

    public AdminPage(Browser b) {
        this.b = b;
    }

    /** Opens the "Admin" tab (a GM's app only) and waits for the section bar. */
    public static AdminPage open(Browser b) {
        b.click(b.link("Admin"));
        b.labelled("Admin sections");
        return new AdminPage(b);
    }

    /** Opens a section by its name in the section bar and waits for its heading. */
    public AdminPage section(String name) {
        b.click(b.link(name));
        b.waitUntil(d -> d.findElement(By.xpath("//h1[normalize-space(.)=" + literal(name) + "]")));
        return this;
    }

    /** Searches users and opens the one with this name. */
    public AdminPage openUser(String name) {
        section("Users");
        b.type(b.field("Search users"), name);
        WebElement row = b.waitUntil(d -> d.findElement(
                By.xpath("//ul[@aria-label='Users']//a[.//*[normalize-space(.)=" + literal(name) + "]]")));
        b.click(row);
        b.waitUntil(d -> d.findElement(By.xpath("//h1[normalize-space(.)=" + literal(name) + "]")));
        b.labelled("User balance");
        return this;
    }

    /** The input labelled {@code label} inside the card headed {@code card}. */
    public WebElement field(String card, String label) {
        return b.waitUntil(d -> {
            WebElement l = d.findElement(By.xpath("//section[h2[normalize-space(.)=" + literal(card)
                    + "]]//label[normalize-space(.)=" + literal(label) + "]"));
            return d.findElement(By.id(l.getAttribute("for")));
        });
    }

    /** The button named {@code name} inside the card headed {@code card}. */
    public WebElement button(String card, String name) {
        return b.waitUntil(d -> d.findElement(By.xpath("//section[h2[normalize-space(.)=" + literal(card)
                + "]]//button[normalize-space(.)=" + literal(name) + "]")));
    }

    public AdminPage adjust(String amount, String reason) {
        b.type(field("Adjust balance", "Amount"), amount);
        b.type(field("Adjust balance", "Reason"), reason);
        b.click(b.button("Adjust"));
        return this;
    }

    public AdminPage freeze(String reason) {
        b.type(field("Freeze or unfreeze", "Reason"), reason);
        b.click(b.button("Freeze"));
        return this;
    }

    public AdminPage unfreeze(String reason) {
        b.type(field("Freeze or unfreeze", "Reason"), reason);
        b.click(b.button("Unfreeze"));
        return this;
    }

    public String userBalance() {
        return b.labelled("User balance").getText().trim();
    }

    static String literal(String s) {
        return s.contains("'") ? "\"" + s + "\"" : "'" + s + "'";
    }
}
