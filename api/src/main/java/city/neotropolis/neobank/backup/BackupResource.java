package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.web.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.nio.file.Files;
import java.util.List;

/** {@code /api/admin/backups}: take a checked snapshot, list them, download one. */
@Path("admin/backups")
@RolesAllowed(Player.GM)
@Produces(MediaType.APPLICATION_JSON)
public final class BackupResource {

    public record TakenReply(String message, Backups.Backup backup) {}

    public record ListReply(List<Backups.Backup> backups, String directory, int retentionDays) {}

    private final Backups backups;
    private final AuditLog audit;

    public BackupResource(Backups backups, AuditLog audit) {
        this.backups = backups;
        this.audit = audit;
    }

    @POST
    public Response take(@Auth Player gm) {
        Backups.Backup b = backups.take();
        BackupFeature.recordTaken(audit, gm.characterName(), b);
        return Response.status(201)
                .entity(new TakenReply("Backup " + b.name() + " taken and checked", b))
                .build();
    }

    @GET
    public ListReply list() {
        if (!backups.supported()) {
            throw ApiException.badRequest(Backups.PG_DUMP);
        }
        return new ListReply(backups.list(), backups.directory().toString(), backups.retentionDays());
    }

    @GET
    @Path("{name}")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    public Response download(@Auth Player gm, @PathParam("name") String name) {
        java.nio.file.Path file = backups.file(name).orElseThrow(() -> ApiException.notFound("Backup not found"));
        audit.record(gm.characterName(), "download_backup", name, "");
        StreamingOutput body = out -> Files.copy(file, out);
        return Response.ok(body, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file.getFileName() + "\"")
                .header("Content-Length", file.toFile().length())
                .build();
    }
}
