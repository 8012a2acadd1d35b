package city.neotropolis.neobank.e2e.support;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;

/**
 * Opens browsers for a test class and closes them: those opened in a test after it, those opened
 * for the whole class after the class. When a test fails, every open browser's screen and text
 * are kept (target/screenshots/FAILED-…), before anything is closed.
 */
public final class Browsers implements AfterTestExecutionCallback, AfterEachCallback, AfterAllCallback {
    private final List<Browser> perClass = new ArrayList<>();
    private final List<Browser> perTest = new ArrayList<>();

    /** A new browser (fresh profile) on the shared service, closed after the test. */
    public Browser open() {
        Browser b = Browser.open(Service.get().base());
        perTest.add(b);
        return b;
    }

    /** A new browser, closed after the test, whose camera films {@code cameraFeed}. */
    public Browser withCamera(java.nio.file.Path cameraFeed) {
        Browser b = Browser.open(Service.get().base(), cameraFeed);
        perTest.add(b);
        return b;
    }

    /** A new browser for the whole class (open it in {@code @BeforeAll}), closed after the class. */
    public Browser shared() {
        Browser b = Browser.open(Service.get().base());
        perClass.add(b);
        return b;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        int i = 0;
        for (Browser b : concat()) {
            try {
                String name = "FAILED-" + context.getRequiredTestMethod().getName() + "-" + i++;
                b.screenshot(name);
                System.out.println(name + " at " + b.driver().getCurrentUrl() + ":\n"
                        + b.driver().findElement(By.tagName("body")).getText());
            } catch (RuntimeException e) {
                System.out.println("no screenshot: " + e);
            }
        }
    }

    private List<Browser> concat() {
        List<Browser> all = new ArrayList<>(perTest);
        all.addAll(perClass);
        return all;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        perTest.forEach(Browser::close);
        perTest.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        perClass.forEach(Browser::close);
        perClass.clear();
    }
}
