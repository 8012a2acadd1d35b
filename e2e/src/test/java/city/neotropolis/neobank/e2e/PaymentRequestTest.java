package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

@ExtendWith(Service.class)
@DisplayName("Payment requests in two browsers: a vendor asks by QR, a payer confirms, the vendor sees it paid")
class PaymentRequestTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    @Test
    @DisplayName("the vendor's screen turns to paid by polling, and the payer paid exactly the asked amount")
    void vendorAndPayer() {
        Service s = Service.get();
        Service.Session mika = s.register("Mika Stallholder", "mika-password-1");
        Service.Session juno = s.register("Juno Payer", "juno-password-1");

        Browser vendor = BROWSERS.open();
        LoginPage.open(vendor).logIn("Mika Stallholder", "mika-password-1");
        vendor.go("/request");
        vendor.type(vendor.field("Amount"), "12.50");
        vendor.type(vendor.field("For"), "Noodle bowl");
        Look.check(vendor, "request-form");
        vendor.click(vendor.button("Show QR code"));
        waitForWords(vendor, "Waiting for payment");
        String url = vendor.driver().getCurrentUrl();
        assertThat(url).contains("#/request?id=");
        String id = url.substring(url.indexOf("id=") + 3);
        vendor.waitUntil(d -> Boolean.TRUE.equals(vendor.js(
                "const i = document.querySelector('.qr-img'); return !!i && i.complete && i.naturalWidth > 0")));
        Look.check(vendor, "request-vendor-open");

        Browser payer = BROWSERS.open();
        LoginPage.open(payer).logIn("Juno Payer", "juno-password-1");
        payer.go("/request?id=" + id);
        waitForWords(payer, "Asks you to pay");
        assertThat(payer.hasText("Mika Stallholder")).isTrue();
        assertThat(payer.hasText("Noodle bowl")).isTrue();
        Look.check(payer, "request-payer-confirm");
        payer.click(payer.button("Pay ₡12.50"));
        payer.waitForText("Back to bank");
        assertThat(payer.driver().findElements(By.cssSelector("[data-test=pay-request]")))
                .isEmpty();
        Look.check(payer, "request-payer-paid");

        // The vendor's screen polls: paid, with the payer's name, within a few seconds.
        vendor.waitUntil(Duration.ofSeconds(5), d -> words(vendor).contains("paid by juno payer"));
        assertThat(vendor.driver()
                        .findElement(By.cssSelector("[data-test=request-status]"))
                        .getText())
                .containsIgnoringCase("paid");
        Look.check(vendor, "request-vendor-paid");

        assertThat(s.balance(mika)).isEqualTo(1012.5);
        assertThat(s.balance(juno)).isEqualTo(987.5);
    }

    /** The page's text as a person reads it, whatever the CSS does to letter case. */
    private static String words(Browser b) {
        return b.driver().findElement(By.tagName("body")).getText().toLowerCase(java.util.Locale.ROOT);
    }

    private static void waitForWords(Browser b, String fragment) {
        b.waitUntil(d -> words(b).contains(fragment.toLowerCase(java.util.Locale.ROOT)));
    }
}
