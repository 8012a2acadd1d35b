package city.neotropolis.neobank.webapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;

/** The player web app at {@code /}: the SPA's files, its service worker and manifest, and the live balance. */
public final class WebAppFeature {
    private final ObjectMapper json;

    public WebAppFeature(ObjectMapper json) {
        this.json = json;
    }

    public void register(Environment env) {
        AppFiles files = AppFiles.load();
        AppShell shell = new AppShell(files);
        env.servlets().addServlet("webapp", new AppServlet(shell, files)).addMapping("/*");
        env.jersey().register(new LiveAccount(json));
    }
}
