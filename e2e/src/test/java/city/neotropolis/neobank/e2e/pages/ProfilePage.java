package city.neotropolis.neobank.e2e.pages;

import city.neotropolis.neobank.e2e.support.Browser;

/** Profile: avatar, faction, password, terminal PIN, log out. */
public final class ProfilePage {
    private final Browser b;

    public ProfilePage(Browser b) {
        this.b = b;
    }

    public static ProfilePage open(Browser b) {
        b.click(b.link("Profile"));
        b.button("Log out");
        return new ProfilePage(b);
    }

    public ProfilePage avatar(String emoji) {
        b.click(b.button("Avatar " + emoji));
        b.waitForText("Avatar saved.");
        return this;
    }

    /** Asks to join a faction (a GM confirms). */
    public ProfilePage faction(String name) {
        b.type(b.field("Faction"), name);
        b.click(b.button("Ask to join"));
        return this;
    }

    public ProfilePage changePassword(String current, String next) {
        b.type(b.field("Current password"), current);
        b.type(b.field("New password"), next);
        b.click(b.button("Change password"));
        return this;
    }

    public ProfilePage setPin(String pin, String password) {
        b.type(b.field("PIN"), pin);
        b.type(b.field("Password to confirm"), password);
        b.click(b.button("Set PIN"));
        return this;
    }

    public LoginPage logOut() {
        b.click(b.button("Log out"));
        return new LoginPage(b).ready();
    }
}
