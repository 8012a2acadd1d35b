package city.neotropolis.neobank.webapp;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;

/** The player web app at {@code /}: the SPA's files, its service worker and manifest, and the live balance. */
public final class WebAppFeature {
    private final ObjectMapper json;
    private final BalancePoll poll;

    public WebAppFeature(ObjectMapper json, BalancePoll poll) {
        this.json = json;
        this.poll = poll;
    }

    public void register(Environment env) {
        AppFiles files = AppFiles.load();
        AppShell shell = new AppShell(files);
        env.servlets().addServlet("webapp", new AppServlet(shell, files)).addMapping("/*");
        env.jersey().register(new LiveAccount(json));
        // After the request id, security header and body limit filters (appended, not prepended).
        env.servlets()
                .addFilter("balance-poll", poll)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, BalancePoll.PATH);
    }
}
