package city.neotropolis.neobank.e2e.pages;

import city.neotropolis.neobank.e2e.support.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Send: recipient → their name → amount → memo → Send → Confirm → receipt. */
public final class SendPage {
    private final Browser b;

    public SendPage(Browser b) {
        this.b = b;
    }

    public SendPage ready() {
        b.waitUntil(
                d -> !d.findElements(By.xpath("//h1[normalize-space(.)='Send credits' or normalize-space(.)='Pay']"))
                        .isEmpty());
        return this;
    }

    public SendPage to(String account) {
        b.type(b.field("Recipient account"), account);
        return this;
    }

    /** The recipient's character name the app shows for confirmation. */
    public String recipientName() {
        return b.waitUntil(d -> d.findElement(By.xpath("//*[@id='send-to-who']//strong")))
                .getText();
    }

    public SendPage amount(String amount) {
        b.type(b.field("Amount"), amount);
        return this;
    }

    public SendPage memo(String memo) {
        b.type(b.field("Memo"), memo);
        return this;
    }

    /** Presses Send and waits for the confirmation step. */
    public SendPage review() {
        b.click(b.button("Send"));
        b.button("Confirm");
        return this;
    }

    public String confirmation() {
        return b.button("Confirm").findElement(By.xpath("./..")).getText();
    }

    public WebElement confirmButton() {
        return b.button("Confirm");
    }

    public SendPage confirm() {
        b.click(confirmButton());
        return this;
    }

    /** The receipt after a definite answer. */
    public String receipt() {
        return b.waitUntil(d -> d.findElement(By.xpath("//*[normalize-space(text())='Sent']/..")))
                .getText();
    }

    public BankPage done() {
        b.click(b.button("Done"));
        return new BankPage(b).ready();
    }
}
