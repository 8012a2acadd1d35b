package city.neotropolis.neobank.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks at a screen as a player would: at 390 × 844 and at 320 px wide nothing scrolls sideways,
 * axe-core finds no serious or critical violation (the others are printed), the content security policy blocked nothing,
 * and a screenshot of each width lands in target/screenshots for a person to look at.
 */
public final class Look {
    private static final List<String> SEEN = new ArrayList<>();

    private Look() {}

    public static void check(Browser b, String screen) {
        b.size(Browser.NARROW_WIDTH, 640);
        settle(b);
        assertThat(b.sideways()).as("%s scrolls sideways at 320 px", screen).isLessThanOrEqualTo(0);
        b.screenshot(screen + "-320");
        b.size(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
        settle(b);
        assertThat(b.sideways()).as("%s scrolls sideways at 390 px", screen).isLessThanOrEqualTo(0);
        b.screenshot(screen + "-390");
        List<String> axe = b.axeViolations();
        List<String> serious = axe.stream()
                .filter(v -> v.startsWith("serious") || v.startsWith("critical"))
                .toList();
        System.out.printf(
                "look %s: no sideways scroll at 320 and 390 px; axe-core: %d serious or critical, %d other%s%n",
                screen, serious.size(), axe.size() - serious.size(), axe.isEmpty() ? "" : " " + axe);
        assertThat(serious)
                .as("serious or critical axe-core violations on %s", screen)
                .isEmpty();
        assertThat(b.cspViolations()).as("CSP violations on %s", screen).isEmpty();
        synchronized (SEEN) {
            SEEN.add(screen);
        }
    }

    /** Two animation frames: the new viewport has been laid out and painted. */
    private static void settle(Browser b) {
        b.waitUntil(d -> Boolean.TRUE.equals(b.js("return document.readyState === 'complete'")));
        ((org.openqa.selenium.JavascriptExecutor) b.driver())
                .executeAsyncScript(
                        "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));");
    }

    public static List<String> seen() {
        synchronized (SEEN) {
            return List.copyOf(SEEN);
        }
    }
}
