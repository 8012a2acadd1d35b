package city.neotropolis.neobank.e2e.pages;

import city.neotropolis.neobank.e2e.support.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The bank screen: balance, account number, actions, history. */
public final class BankPage {
    private final Browser b;

    public BankPage(Browser b) {
        this.b = b;
    }

    public BankPage ready() {
        b.labelled("Balance");
        b.waitUntil(d -> !balance().isBlank());
        return this;
    }

    public static BankPage open(Browser b) {
        b.click(b.link("Bank"));
        return new BankPage(b).ready();
    }

    public String balance() {
        return b.labelled("Balance").getText().trim();
    }

    /** Waits (no reload, no clicks) until the balance reads {@code expected}. */
    public BankPage waitForBalance(String expected, Duration within) {
        b.waitUntil(within, d -> balance().equals(expected));
        return this;
    }

    public String accountNumber() {
        return b.waitUntil(d -> {
            String t = d.findElement(By.xpath("//*[normalize-space(text())='Account']/following-sibling::*[1]"))
                    .getText();
            return t.startsWith("NC-") ? t : null;
        });
    }

    /** The history rows as their visible text, newest first (waits for the list to load). */
    public List<String> history() {
        b.waitUntil(d -> d.findElements(By.xpath("//ul[@aria-label='Transactions' or @aria-label='Search results']"))
                                .size()
                        + d.findElements(By.xpath("//*[contains(., 'No activity yet')]"))
                                .size()
                > 0);
        return b
                .driver()
                .findElements(By.xpath("//ul[@aria-label='Transactions' or @aria-label='Search results']/li"))
                .stream()
                .map(WebElement::getText)
                .toList();
    }

    public BankPage waitForHistoryRow(String fragment) {
        b.waitUntil(Duration.ofSeconds(10), d -> history().stream().anyMatch(r -> r.contains(fragment)));
        return this;
    }

    public BankPage search(String text) {
        b.type(b.field("Search history"), text);
        b.waitUntil(d -> !d.findElements(By.xpath(
                        "//ul[@aria-label='Search results'] | //*[starts-with(normalize-space(.), 'Nothing matches')]"))
                .isEmpty());
        return this;
    }

    public SendPage send() {
        b.click(b.link("Send"));
        return new SendPage(b).ready();
    }
}
