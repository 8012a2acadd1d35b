package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.pages.BankPage;
import city.neotropolis.neobank.e2e.pages.LoginPage;
import city.neotropolis.neobank.e2e.pages.ProfilePage;
import city.neotropolis.neobank.e2e.pages.SendPage;
import city.neotropolis.neobank.e2e.support.Browser;
import city.neotropolis.neobank.e2e.support.Browsers;
import city.neotropolis.neobank.e2e.support.Camera;
import city.neotropolis.neobank.e2e.support.Look;
import city.neotropolis.neobank.e2e.support.Service;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.fetch.Fetch;
import org.openqa.selenium.devtools.v156.fetch.model.RequestPattern;
import org.openqa.selenium.devtools.v156.fetch.model.RequestPaused;
import org.openqa.selenium.devtools.v156.fetch.model.RequestStage;
import org.openqa.selenium.devtools.v156.network.model.ErrorReason;

@ExtendWith(Service.class)
@DisplayName("A player's bank in the browser")
class PlayerBankTest {
    @RegisterExtension
    static final Browsers BROWSERS = new Browsers();

    private static Browser kira;
    private static Browser jax;
    private static Service.Session jaxSession;

    @BeforeAll
    static void open() {
        kira = BROWSERS.shared();
        jax = BROWSERS.shared();
        jaxSession = Service.get().register("Jax Ortega", "jax-password-1");
    }

    @Test
    @DisplayName("register, log in, see 1,000, send to a second player who sees it arrive by itself")
    void sendAndArrive() {
        LoginPage login = LoginPage.open(kira);
        Look.check(kira, "login");
        login.startRegistration();
        Look.check(kira, "register");
        BankPage bank = login.register("Kira Vex", "kira-password-1", "Chrome Saints");
        assertThat(bank.balance()).isEqualTo("₡1,000.00");
        login = ProfilePage.open(kira).logOut();
        bank = login.logIn("Kira Vex", "kira-password-1");
        assertThat(bank.balance()).isEqualTo("₡1,000.00");
        assertThat(bank.history())
                .singleElement()
                .asString()
                .contains("Starting credits")
                .contains("+₡1,000.00");
        Look.check(kira, "bank");

        BankPage jaxBank = LoginPage.open(jax).logIn("Jax Ortega", "jax-password-1");
        assertThat(jaxBank.balance()).isEqualTo("₡1,000.00");

        SendPage send = bank.send().to(jaxSession.account().toLowerCase());
        assertThat(send.recipientName()).isEqualTo("Jax Ortega");
        send.amount("25").memo("Noodles at Lotus Market");
        Look.check(kira, "send-form");
        send.review();
        assertThat(send.confirmation())
                .contains("₡25.00")
                .contains("Jax Ortega")
                .contains("Noodles at Lotus Market");
        Look.check(kira, "send-confirm");
        send.confirm();
        assertThat(send.receipt()).contains("₡25.00").contains("Jax Ortega").contains("₡975.00");
        Look.check(kira, "send-receipt");
        bank = send.done();
        assertThat(bank.balance()).isEqualTo("₡975.00");
        bank.waitForHistoryRow("Jax Ortega");
        assertThat(bank.history().get(0))
                .contains("Jax Ortega")
                .contains("Transfer")
                .contains("Noodles at Lotus Market")
                .contains("−₡25.00");

        // Jax's phone did nothing: the live balance and history update by themselves.
        jaxBank.waitForBalance("₡1,025.00", Duration.ofSeconds(5));
        jaxBank.waitForHistoryRow("Kira Vex");
        assertThat(jaxBank.history().get(0))
                .contains("Kira Vex")
                .contains("+₡25.00")
                .contains("Noodles at Lotus Market");
        jax.waitForText("Received ₡25.00");
        Look.check(jax, "bank-received");

        bank.search("noodles");
        assertThat(bank.history()).singleElement().asString().contains("Jax Ortega");
        Look.check(kira, "bank-search");
    }

    @Test
    @DisplayName("a character with nothing yet sees what to do; Receive makes a pay link with amount and memo")
    void emptyAndReceive() {
        Service s = Service.get();
        s.call(
                "POST",
                "/api/admin/users",
                s.gm(),
                Map.of("character_name", "Quinn Ashe", "password", "quinn-password-1", "balance", 0));
        Browser b = BROWSERS.open();
        BankPage bank = LoginPage.open(b).logIn("Quinn Ashe", "quinn-password-1");
        assertThat(bank.balance()).isEqualTo("₡0.00");
        b.waitForText("No activity yet.");
        Look.check(b, "bank-empty");

        String account = bank.accountNumber();
        b.click(b.link("Receive"));
        b.type(b.field("Amount"), "12.5");
        b.type(b.field("Memo"), "Noodle bowl");
        String link = b.waitUntil(d -> {
            String t = d.findElement(org.openqa.selenium.By.xpath("//code[contains(., '/#/pay?')]"))
                    .getText();
            return t.contains("memo=") ? t : null;
        });
        assertThat(link).isEqualTo(s.base() + "/#/pay?to=" + account + "&amount=12.5&memo=Noodle+bowl");
        b.waitForText("Asks for ₡12.50");
        Look.check(b, "receive");

        // The scanner on a camera that sees no code yet: the film, the aiming frame, a way out.
        b.click(b.link("Back to bank"));
        b.click(b.link("Scan"));
        b.waitUntil(d -> Boolean.TRUE.equals(b.js(
                "return [...document.querySelectorAll('[role=dialog] video')]" + ".some((v) => v.readyState >= 2)")));
        Look.check(b, "scanner");
        b.click(b.button("Close scanner"));
        b.field("Recipient account");
    }

    @Test
    @DisplayName("a double-tapped Confirm pays once")
    void doubleTap() {
        Service s = Service.get();
        Service.Session rio = s.register("Rio Tanaka", "rio-password-1");
        Service.Session mara = s.register("Mara Quill", "mara-password-1");
        Browser b = BROWSERS.open();
        SendPage send = LoginPage.open(b)
                .logIn("Rio Tanaka", "rio-password-1")
                .send()
                .to(mara.account())
                .amount("40")
                .memo("double tap")
                .review();
        WebElement confirm = send.confirmButton();
        // Two taps in the same instant, before the app can redraw anything.
        b.js("arguments[0].click(); arguments[0].click();", confirm);
        assertThat(send.receipt()).contains("₡40.00");
        assertThat(s.rowsWithMemo(mara, "double tap")).isEqualTo(1);
        assertThat(s.balance(rio)).isEqualTo(960.0);
    }

    @Test
    @DisplayName("a payment whose answer is lost on the way back is retried with the same key and pays once")
    void droppedAnswer() throws InterruptedException {
        Service s = Service.get();
        Service.Session kai = s.register("Kai Brandt", "kai-password-1");
        Service.Session lena = s.register("Lena Voss", "lena-password-1");
        Browser b = BROWSERS.open();
        SendPage send = LoginPage.open(b)
                .logIn("Kai Brandt", "kai-password-1")
                .send()
                .to(lena.account())
                .amount("30")
                .memo("lost answer")
                .review();
        // The bank does the work, then the connection dies before its answer reaches the phone.
        DevTools dev = b.devTools();
        BlockingQueue<RequestPaused> paused = new LinkedBlockingQueue<>();
        dev.addListener(Fetch.requestPaused(), paused::add);
        dev.send(Fetch.enable(
                Optional.of(List.of(new RequestPattern(
                        Optional.of("*/api/v1/transactions"), Optional.empty(), Optional.of(RequestStage.RESPONSE)))),
                Optional.empty()));
        send.confirm();
        RequestPaused lost = paused.poll(15, TimeUnit.SECONDS);
        assertThat(lost).as("the payment request").isNotNull();
        assertThat(lost.getResponseStatusCode()).hasValue(201);
        String key =
                lost.getRequest().getHeaders().toJson().get("Idempotency-Key").toString();
        dev.send(Fetch.failRequest(lost.getRequestId(), ErrorReason.CONNECTIONRESET));
        b.button("Try again");
        assertThat(b.hasText("this payment carries the same key")).isTrue();
        Look.check(b, "send-unknown");

        b.click(b.button("Try again"));
        RequestPaused retry = paused.poll(15, TimeUnit.SECONDS);
        assertThat(retry).isNotNull();
        assertThat(retry.getRequest()
                        .getHeaders()
                        .toJson()
                        .get("Idempotency-Key")
                        .toString())
                .isEqualTo(key);
        assertThat(retry.getResponseHeaders().orElseThrow())
                .anyMatch(h -> h.getName().equalsIgnoreCase("Idempotent-Replayed")
                        && h.getValue().equals("true"));
        dev.send(Fetch.continueResponse(
                retry.getRequestId(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
        assertThat(send.receipt()).contains("₡30.00").contains("Lena Voss");
        dev.send(Fetch.disable());
        assertThat(s.rowsWithMemo(lena, "lost answer")).isEqualTo(1);
        assertThat(s.balance(kai)).isEqualTo(970.0);
    }

    @Test
    @DisplayName("a pay link opens a prefilled, confirmable send")
    void payLink() {
        Service s = Service.get();
        Service.Session vendor = s.register("Lotus Noodle Bar", "lotus-password-1");
        s.register("Nix Calder", "nix-password-1");
        Browser b = BROWSERS.open();
        // The documented link (docs/pay-links.md) for this vendor, opened while logged out as a
        // phone camera would: log in first, then straight to the payment.
        b.driver()
                .get(documentedPayLink()
                        .replace("https://bank.neotropolis.example", s.base())
                        .replace("NC-7KQ2-M9XD", vendor.account()));
        new LoginPage(b).ready();
        new LoginPage(b).attempt("Nix Calder", "nix-password-1");
        SendPage pay = new SendPage(b).ready();
        assertThat(pay.confirmation())
                .contains("₡12.50")
                .contains("Lotus Noodle Bar")
                .contains("Noodle bowl");
        Look.check(b, "pay-link");
        pay.confirm();
        assertThat(pay.receipt()).contains("₡12.50").contains("Lotus Noodle Bar");
        JsonNode got = s.call("GET", "/api/v1/account/transactions?limit=5", vendor, null)
                .get("transactions")
                .get(0);
        assertThat(got.get("memo").asText()).isEqualTo("Noodle bowl");
        assertThat(got.get("amount").asDouble()).isEqualTo(12.5);
    }

    @Test
    @DisplayName("the in-app scanner reads a pay link's QR code into a confirmable payment")
    void scanQrCode() {
        Service s = Service.get();
        Service.Session stall = s.register("Chrome Kebab Stall", "kebab-password-1");
        s.register("Sol Harper", "sol-password-1");
        String link = "https://bank.neotropolis.example/#/pay?to=" + stall.account() + "&amount=8.25&memo=Kebab";
        Browser b = BROWSERS.withCamera(Camera.filming(link));
        LoginPage.open(b).logIn("Sol Harper", "sol-password-1");
        // Scan opens the camera at once (no BarcodeDetector on desktop Linux: html5-qrcode from its
        // WebJar reads the frames); the code it sees becomes a prefilled payment.
        b.click(b.link("Scan"));
        SendPage send = new SendPage(b).ready();
        b.waitUntil(
                Duration.ofSeconds(30),
                d -> d.findElements(org.openqa.selenium.By.xpath("//*[@role='dialog']"))
                        .isEmpty());
        assertThat(send.recipientName()).isEqualTo("Chrome Kebab Stall");
        assertThat(b.cspViolations()).as("the scanner library within the CSP").isEmpty();
        assertThat(b.field("Amount").getAttribute("value")).isEqualTo("8.25");
        assertThat(b.field("Memo").getAttribute("value")).isEqualTo("Kebab");
        send.review().confirm();
        assertThat(send.receipt()).contains("₡8.25").contains("Chrome Kebab Stall");
    }

    /** The full example of docs/pay-links.md: account, amount and memo. */
    static String documentedPayLink() {
        try {
            String doc = java.nio.file.Files.readString(java.nio.file.Path.of("..", "docs", "pay-links.md"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                            "https://\\S+/#/pay\\?to=NC-\\S+&amount=\\S+&memo=\\S+")
                    .matcher(doc);
            assertThat(m.find()).as("docs/pay-links.md has a full example").isTrue();
            return m.group();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    @DisplayName("a name with markup in it shows as text, everywhere it appears")
    void xssName() {
        Service s = Service.get();
        String evil = "<img src=x onerror=alert(1)>";
        Service.Session attacker = s.register(evil, "evil-password-1");
        Service.Session victim = s.register("Ada Sterling", "ada-password-1");
        s.call(
                "POST",
                "/api/v1/transactions",
                attacker,
                Map.of("to_account", victim.account(), "amount", 5, "memo", "<script>alert(2)</script>"));
        Browser b = BROWSERS.open();
        BankPage bank = LoginPage.open(b).logIn("Ada Sterling", "ada-password-1");
        bank.waitForHistoryRow(evil);
        assertThat(bank.history().get(0)).contains(evil).contains("<script>alert(2)</script>");
        assertThat(b.driver().findElements(org.openqa.selenium.By.xpath("//img[@src='x']")))
                .isEmpty();
        assertThat(b.driver().findElements(org.openqa.selenium.By.xpath("//main//script")))
                .isEmpty();
        SendPage send = bank.send().to(attacker.account());
        assertThat(send.recipientName()).isEqualTo(evil);
        Look.check(b, "xss-name");
    }
}
