package city.neotropolis.neobank.support;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The real service on a fresh SQLite file in its own temporary data dir, on random ports. */
public final class TestApp {
    public static final String SECRET = "test-secret-key-that-is-at-least-32-bytes-long!";
    public static final String GM_NAME = "admin";
    public static final String GM_PASSWORD = "gm-password-1";

    private TestApp() {}

    public static DropwizardAppExtension<NeoBankConfiguration> sqlite(ConfigOverride... overrides) {
        Path dir = tempDir();
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("database.url", "jdbc:sqlite:" + dir.resolve("neobank.db")));
        all.add(ConfigOverride.config("bank.dataDir", dir.toString()));
        all.addAll(List.of(overrides));
        return new DropwizardAppExtension<>(
                NeoBankApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                all.toArray(ConfigOverride[]::new));
    }

    /**
     * The real service on a fresh PostgreSQL database, dropped when the service stops; use only in
     * classes enabled by {@link Postgres#AVAILABLE}.
     */
    public static DropwizardAppExtension<NeoBankConfiguration> postgres(ConfigOverride... overrides) {
        Path dir = tempDir();
        AtomicReference<String> created = new AtomicReference<>();
        List<ConfigOverride> all = new ArrayList<>();
        all.add(ConfigOverride.config("database.url", () -> {
            if (!Postgres.available()) {
                return "jdbc:postgresql://127.0.0.1:5432/unavailable";
            }
            created.set(Postgres.freshDatabase());
            return created.get();
        }));
        all.add(ConfigOverride.config("database.user", Postgres.USER));
        all.add(ConfigOverride.config("bank.dataDir", dir.toString()));
        all.addAll(List.of(overrides));
        DropwizardAppExtension<NeoBankConfiguration> app = new DropwizardAppExtension<>(
                NeoBankApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                all.toArray(ConfigOverride[]::new));
        return app.addListener(new DropwizardAppExtension.ServiceListener<>() {
            @Override
            public void onStop(DropwizardAppExtension<NeoBankConfiguration> stopped) {
                String url = created.getAndSet(null);
                if (url != null) {
                    Postgres.drop(url);
                }
            }
        });
    }

    /** Stops a service started by {@link #postgres} by hand and drops its database. */
    public static void stopAndDrop(DropwizardAppExtension<NeoBankConfiguration> app) {
        String url = app.getConfiguration().getDatabase().getUrl();
        app.after();
        Postgres.drop(url);
    }

    public static Path tempDir() {
        try {
            return Files.createTempDirectory("neobank-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Api api(DropwizardAppExtension<NeoBankConfiguration> app) {
        return new Api("http://127.0.0.1:" + app.getLocalPort());
    }
}
