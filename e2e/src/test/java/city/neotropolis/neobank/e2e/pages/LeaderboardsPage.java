package city.neotropolis.neobank.e2e.pages;

import city.neotropolis.neobank.e2e.support.Browser;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The leaderboards, reached from the casino lobby. */
public final class LeaderboardsPage {
    private final Browser b;

    public LeaderboardsPage(Browser b) {
        this.b = b;
    }

    public static LeaderboardsPage open(Browser b) {
        CasinoPage.open(b);
        b.click(b.link("Leaderboards"));
        b.field("Show my name on the leaderboards Off: you appear as “Anonymous” to other players.");
        return new LeaderboardsPage(b);
    }

    /** The rows of one board (by its heading) as their visible text. */
    public List<String> board(String heading) {
        return b.driver().findElements(By.xpath("//section[h2[normalize-space(.)='" + heading + "']]//li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    public WebElement showMyName() {
        return b.field("Show my name on the leaderboards Off: you appear as “Anonymous” to other players.");
    }

    public LeaderboardsPage toggleMyName(String confirmation) {
        b.click(showMyName());
        b.waitForText(confirmation);
        return this;
    }
}
