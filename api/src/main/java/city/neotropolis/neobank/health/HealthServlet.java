package city.neotropolis.neobank.health;

import city.neotropolis.neobank.db.Database;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /health}: 200 healthy when the database answers, 503 when it does not. */
public final class HealthServlet extends HttpServlet {
    private static final Health HEALTHY = new Health("healthy", "neobank", null);
    private static final Health UNHEALTHY = new Health("unhealthy", "neobank", "database unreachable");

    /** The answer; {@code error} only when unhealthy. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, String service, String error) {}

    private final transient Database db;
    private final transient ObjectMapper mapper;

    public HealthServlet(Database db, ObjectMapper mapper) {
        this.db = db;
        this.mapper = mapper;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        boolean up;
        try {
            up = db.reads()
                            .withHandle(h -> h.createQuery("SELECT 1")
                                    .mapTo(Integer.class)
                                    .one())
                    == 1;
        } catch (RuntimeException e) {
            up = false;
        }
        res.setStatus(up ? 200 : 503);
        res.setContentType("application/json");
        res.setHeader("Cache-Control", "no-store");
        res.getOutputStream().write(mapper.writeValueAsBytes(up ? HEALTHY : UNHEALTHY));
    }
}
