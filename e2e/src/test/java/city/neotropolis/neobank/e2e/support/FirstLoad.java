package city.neotropolis.neobank.e2e.support;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.openqa.selenium.devtools.DevTools;
import org.openqa.selenium.devtools.v156.network.Network;

/**
 * One cold first visit of the app (fresh profile, empty cache, no service worker): the bytes the
 * page transferred (compressed, headers included, as DevTools counts them) until the log-in screen
 * is usable — "Log in" enabled under "Character name" and "Password" — and how long that took.
 */
public final class FirstLoad {
    /** Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up. */
    public static final int RTT_MS = 150;

    public static final int DOWN_BYTES_PER_S = 1_600_000 / 8;
    public static final int UP_BYTES_PER_S = 750_000 / 8;

    // Runs before the page's own scripts; a DevTools script is not subject to the page's CSP.
    private static final String WATCH_USABLE = """
            new MutationObserver((_, observer) => {
              const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Log in');
              if (button && !button.disabled && document.getElementById('login-name')) {
                window.__usableAt = performance.now();
                observer.disconnect();
              }
            }).observe(document, { childList: true, subtree: true, attributes: true });
            """;

    /** What one visit measured. */
    public record Result(long bytes, long requests, double usableMs) {}

    private FirstLoad() {}

    public static Result measure(String base, boolean throttled) {
        try (Browser b = Browser.open(base)) {
            DevTools dev = b.devTools();
            AtomicLong bytes = new AtomicLong();
            AtomicLong requests = new AtomicLong();
            dev.send(Network.enable(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
            dev.send(Network.setCacheDisabled(true));
            dev.addListener(Network.loadingFinished(), e -> {
                bytes.addAndGet(e.getEncodedDataLength().longValue());
                requests.incrementAndGet();
            });
            if (throttled) {
                dev.send(Network.emulateNetworkConditions(
                        false,
                        RTT_MS,
                        DOWN_BYTES_PER_S,
                        UP_BYTES_PER_S,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()));
            }
            b.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", WATCH_USABLE));
            b.go("/login");
            Number usable = b.waitUntil(
                    java.time.Duration.ofSeconds(60), d -> (Number) b.js("return window.__usableAt ?? null"));
            // Every request the page started before it was usable has finished by now or is counted
            // as it finishes; the service worker's background precache is another target, not counted.
            long atUsable = bytes.get();
            return new Result(atUsable, requests.get(), usable.doubleValue());
        }
    }
}
