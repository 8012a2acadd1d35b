package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.audit.AuditLog;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /tasks/backup} on the admin port: the same checked snapshot, for schedulers inside a
 * cluster (the admin port is never exposed publicly). Answers the backup as JSON.
 */
public final class BackupTask extends Task {
    static final String ACTOR = "ops:tasks/backup";
    private final Backups backups;
    private final AuditLog audit;
    private final ObjectMapper mapper;

    public BackupTask(Backups backups, AuditLog audit, ObjectMapper mapper) {
        super("backup");
        this.backups = backups;
        this.audit = audit;
        this.mapper = mapper;
    }

    @Override
    public Optional<String> getResponseContentType() {
        return Optional.of("application/json");
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) throws Exception {
        Backups.Backup b = backups.take();
        BackupFeature.recordTaken(audit, ACTOR, b);
        output.println(mapper.writeValueAsString(b));
    }
}
