package city.neotropolis.neobank.webapp;

import io.dropwizard.core.setup.Environment;

/** The player web app at {@code /}: the SPA's files, its service worker and manifest. */
public final class WebAppFeature {
    private WebAppFeature() {}

    public static AppShell register(Environment env) {
        AppFiles files = AppFiles.load();
        AppShell shell = new AppShell(files);
        env.servlets().addServlet("webapp", new AppServlet(shell, files)).addMapping("/*");
        return shell;
    }
}
