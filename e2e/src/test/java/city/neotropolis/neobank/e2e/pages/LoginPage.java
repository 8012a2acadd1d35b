package city.neotropolis.neobank.e2e.pages;

import city.neotropolis.neobank.e2e.support.Browser;

/** Log in / register, by the labels a player reads. */
public final class LoginPage {
    private final Browser b;

    public LoginPage(Browser b) {
        this.b = b;
    }

    public static LoginPage open(Browser b) {
        b.go("/login");
        return new LoginPage(b).ready();
    }

    public LoginPage ready() {
        b.button("Log in");
        return this;
    }

    public BankPage register(String name, String password, String faction) {
        if (b.driver()
                .findElements(org.openqa.selenium.By.xpath("//button[normalize-space(.)='Register']"))
                .isEmpty()) {
            startRegistration();
        }
        fill(name, password);
        b.type(b.field("Faction"), faction);
        b.click(b.button("Register"));
        return new BankPage(b).ready();
    }

    public LoginPage startRegistration() {
        b.click(b.button("Create a character"));
        b.button("Register");
        return this;
    }

    public BankPage logIn(String name, String password) {
        attempt(name, password);
        return new BankPage(b).ready();
    }

    /** Fills and submits without expecting to get in (for refusals). */
    public LoginPage attempt(String name, String password) {
        fill(name, password);
        b.click(b.button("Log in"));
        return this;
    }

    public void fill(String name, String password) {
        b.type(b.field("Character name"), name);
        b.type(b.field("Password"), password);
    }

    /** The message shown in place (the API's own words). */
    public String error() {
        return b.waitUntil(d -> d.findElement(org.openqa.selenium.By.xpath("//*[@role='alert']")))
                .getText();
    }
}
