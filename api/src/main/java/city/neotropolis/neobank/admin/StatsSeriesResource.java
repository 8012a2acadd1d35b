package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.auth.Player;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/admin/stats/series?from=&to=&step=}: the dashboard's charts, from the per-minute journal sums. */
@Path("admin/stats/series")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
public final class StatsSeriesResource {
    private final EconomySeries series;

    public StatsSeriesResource(EconomySeries series) {
        this.series = series;
    }

    /** from/to: ISO-8601 instants or epoch ms (default: the last hour); step: seconds, whole minutes (default 60). */
    @GET
    public EconomySeries.Series series(
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("step") String step) {
        Long stepSeconds = null;
        if (step != null && !step.isBlank()) {
            try {
                stepSeconds = Long.parseLong(step.trim());
            } catch (NumberFormatException e) {
                throw city.neotropolis.neobank.web.ApiException.badRequest(
                        "step must be a whole number of minutes in seconds, from 60 to " + EconomySeries.MAX_STEP_S);
            }
        }
        return series.series(from, to, stepSeconds);
    }
}
