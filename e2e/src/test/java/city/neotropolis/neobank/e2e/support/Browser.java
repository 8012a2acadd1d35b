package city.neotropolis.neobank.e2e.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, with a fresh profile, driven through Debian's chromedriver (both
 * paths given, so nothing is downloaded). Finds things the way a person does — a field by its
 * label, a button or link by its name — and checks every screen it is asked to look at.
 */
public final class Browser implements AutoCloseable {
    public static final int PHONE_WIDTH = 390;
    public static final int PHONE_HEIGHT = 844;
    public static final int NARROW_WIDTH = 320;
    private static final Duration WAIT = Duration.ofSeconds(15);
    // Collects CSP violations from the first script onwards; injected by DevTools, so the page's
    // own policy does not apply to it.
    private static final String CSP_WATCH = "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;
    private DevTools devTools;

    private Browser(ChromeDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A new browser with an empty profile (no token, no service worker), sized as a phone. */
    public static Browser open(String base) {
        return open(base, null);
    }

    /**
     * The same, with a camera that films {@code cameraFeed} (a Motion-JPEG file) and is allowed
     * without asking, or a blank fake camera when it is null.
     */
    public static Browser open(String base, Path cameraFeed) {
        String chromium = System.getProperty("chromium.binary", "/usr/bin/chromium");
        String chromedriver = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");
        System.setProperty("webdriver.chrome.driver", chromedriver);
        Path profile;
        try {
            profile = Files.createTempDirectory("neobank-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--hide-scrollbars",
                "--user-data-dir=" + profile,
                "--window-size=" + PHONE_WIDTH + "," + PHONE_HEIGHT,
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream");
        if (cameraFeed != null) {
            options.addArguments("--use-file-for-fake-video-capture=" + cameraFeed);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver))
                .usingAnyFreePort()
                .build();
        Browser b = new Browser(new ChromeDriver(service, options), profile, base);
        b.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", CSP_WATCH));
        b.size(PHONE_WIDTH, PHONE_HEIGHT);
        return b;
    }

    public WebDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    /** A DevTools session, for events (network bytes, intercepted requests). */
    public DevTools devTools() {
        if (devTools == null) {
            devTools = driver.getDevTools();
            devTools.createSession();
        }
        return devTools;
    }

    public Object cdp(String command, Map<String, Object> params) {
        return driver.executeCdpCommand(command, params);
    }

    /** Opens a route of the app, e.g. {@code /bank} or {@code /pay?to=NC-…}. */
    public void go(String route) {
        driver.get(base + "/#" + route);
    }

    /** The viewport of a phone this wide (CSS pixels, 2 device pixels each, touch, mobile layout). */
    public void size(int width, int height) {
        cdp(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Everything instant, as a player who asks for less motion gets it. */
    public void reducedMotion() {
        cdp(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
    }

    public void offline(boolean off) {
        cdp("Network.enable", Map.of());
        cdp(
                "Network.emulateNetworkConditions",
                Map.of("offline", off, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public <T> T waitUntil(Function<WebDriver, T> condition) {
        return waitUntil(WAIT, condition);
    }

    public <T> T waitUntil(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .ignoring(NoSuchElementException.class)
                .ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    /** The input whose label (its label element or aria-label) reads exactly {@code label}. */
    public WebElement field(String label) {
        return named("input, select, textarea", label, "field");
    }

    /** The button whose accessible name is exactly {@code name}. */
    public WebElement button(String name) {
        return named("button, [role=button]", name, "button");
    }

    /** The link whose accessible name is exactly {@code name}. */
    public WebElement link(String name) {
        return named("a[href], [role=link]", name, "link");
    }

    /** The element labelled {@code label} (aria-label), e.g. the balance. */
    public WebElement labelled(String label) {
        return visible(By.xpath("//*[@aria-label=" + xpathLiteral(label) + "]"), label);
    }

    /** The first visible element containing exactly this text. */
    public WebElement text(String text) {
        return visible(By.xpath("//*[normalize-space(text())=" + xpathLiteral(text) + "]"), text);
    }

    public boolean hasText(String fragment) {
        return driver.findElement(By.tagName("body")).getText().contains(fragment);
    }

    public WebElement waitForText(String fragment) {
        waitUntil(d -> hasText(fragment));
        return driver.findElement(By.tagName("body"));
    }

    /**
     * The first visible element matching {@code selector} whose accessible name is {@code name},
     * computed as browsers do for the simple cases this app uses: aria-label, aria-labelledby,
     * the label elements of a field, or the text content without aria-hidden parts.
     */
    private WebElement named(String selector, String name, String kind) {
        return waitUntil(d -> {
            @SuppressWarnings("unchecked")
            List<WebElement> found = (List<WebElement>) js(NAME_FINDER, selector, name);
            if (found.isEmpty()) {
                throw new NoSuchElementException("no visible " + kind + " named '" + name + "'");
            }
            return found.get(0);
        });
    }

    private static final String NAME_FINDER = """
            const [selector, wanted] = arguments;
            const text = (node) => {
              let out = '';
              for (const c of node.childNodes) {
                if (c.nodeType === 3) out += c.textContent;
                else if (c.nodeType === 1 && c.getAttribute('aria-hidden') !== 'true' && !['INPUT', 'SELECT', 'TEXTAREA'].includes(c.tagName)) out += ' ' + text(c);
              }
              return out;
            };
            const clean = (t) => t.replace(/\\s+/g, ' ').trim();
            const name = (el) => {
              if (el.getAttribute('aria-label')) return clean(el.getAttribute('aria-label'));
              const by = el.getAttribute('aria-labelledby');
              if (by) return clean(by.split(/\\s+/).map((id) => text(document.getElementById(id) ?? document.createElement('i'))).join(' '));
              if (el.labels && el.labels.length) return clean([...el.labels].map(text).join(' '));
              return clean(text(el));
            };
            return [...document.querySelectorAll(selector)].filter((e) => e.getClientRects().length > 0 && name(e) === wanted);
            """;

    private WebElement visible(By by, String name) {
        return waitUntil(d -> d.findElements(by).stream()
                .filter(WebElement::isDisplayed)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("nothing visible named " + name)));
    }

    public void type(WebElement input, String text) {
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks as a thumb would: once it is enabled, scrolled clear of the fixed top and tab bars. */
    public void click(WebElement e) {
        waitUntil(d -> e.isEnabled());
        js("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", e);
        e.click();
    }

    /** Horizontal overflow of the page in CSS pixels: 0 means nothing scrolls sideways. */
    public long sideways() {
        return ((Number) js("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
                        + " - window.innerWidth"))
                .longValue();
    }

    /** Every axe-core violation on the page as it is now, as "impact rule: help at targets". */
    @SuppressWarnings("unchecked")
    public List<String> axeViolations() {
        if (!Boolean.TRUE.equals(js("return typeof window.axe === 'object'"))) {
            js(axeSource());
        }
        return (List<String>) ((JavascriptExecutor) driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations"
                        + ".map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                        + " + v.nodes.map(n => n.target.join(' ')).join(', '))))"
                        + ".catch(e => done(['critical axe failed: ' + e]));");
    }

    @SuppressWarnings("unchecked")
    public List<String> cspViolations() {
        Object v = js("return window.__csp || []");
        return (List<String>) v;
    }

    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String axeSource() {
        try (InputStream in = Browser.class
                .getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core WebJar missing from the test classpath", e);
        }
    }

    static String xpathLiteral(String s) {
        if (!s.contains("'")) {
            return "'" + s + "'";
        }
        return "concat('" + s.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        try {
            if (devTools != null) {
                devTools.close();
            }
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }
}
