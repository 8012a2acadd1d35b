package city.neotropolis.neobank.health;

import city.neotropolis.neobank.db.Database;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /health}: 200 healthy when the database answers, 503 when it does not. */
public final class HealthServlet extends HttpServlet {
    private final Database db;

    public HealthServlet(Database db) {
        this.db = db;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        boolean up;
        try {
            up = db.reads().withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            up = false;
        }
        res.setStatus(up ? 200 : 503);
        res.setContentType("application/json");
        res.setHeader("Cache-Control", "no-store");
        String body = up ? "{\"status\":\"healthy\",\"service\":\"neobank\"}"
                : "{\"status\":\"unhealthy\",\"service\":\"neobank\",\"error\":\"database unreachable\"}";
        res.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
