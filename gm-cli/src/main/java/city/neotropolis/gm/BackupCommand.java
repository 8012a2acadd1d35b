package city.neotropolis.gm;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Backups of the database: take one now, list them, fetch one to this machine. */
@Command(name = "backup", description = "Database backups: create, list, download.")
final class BackupCommand extends GmCommand {
    private static final int BAR = 30;

    @Command(name = "create", description = "Take a checked backup now.")
    int create() {
        JsonNode reply = api().post("/api/admin/backups", Api.object());
        JsonNode b = reply.path("backup");
        return show(reply, o -> {
            o.println(reply.path("message").asText("Backup created"));
            table(new Table("NAME", "SIZE", "CREATED").row(b.get("name"), b.get("size_bytes"), b.get("created_at")));
        });
    }

    @Command(name = "list", description = "The backups the service keeps.")
    int list() {
        JsonNode reply = api().get("/api/admin/backups");
        return show(reply, o -> {
            Table t = new Table("NAME", "SIZE", "CREATED");
            reply.path("backups").forEach(b -> t.row(b.get("name"), b.get("size_bytes"), b.get("created_at")));
            table(t);
        });
    }

    @Command(name = "download", description = "Save a backup as DIR/NAME (a progress bar on a terminal).")
    int download(
            @Parameters(paramLabel = "NAME") String name,
            @Option(
                            names = "--to",
                            paramLabel = "DIR",
                            defaultValue = ".",
                            description = "Directory to save into (default: the current one).")
                    Path dir) {
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
            throw GmException.usage("not a backup name: " + name);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw GmException.refused("cannot create " + dir + ": " + e.getMessage());
        }
        Path target = dir.resolve(name);
        boolean bar = gm().io().terminal() && !json();
        PrintWriter err = err();
        long bytes = api().download(
                        "/api/admin/backups/" + Api.segment(name),
                        target,
                        bar ? (done, total) -> progress(err, done, total) : (done, total) -> {});
        if (bar) {
            err.println();
            err.flush();
        }
        return show(
                Api.object().put("name", name).put("file", target.toString()).put("size_bytes", bytes),
                o -> o.println("Saved " + target + " (" + bytes + " bytes)."));
    }

    private static void progress(PrintWriter err, long done, long total) {
        if (total > 0) {
            int filled = (int) (BAR * done / total);
            err.printf(
                    "\r[%s%s] %3d%% %s/%s",
                    "#".repeat(filled), " ".repeat(BAR - filled), 100 * done / total, size(done), size(total));
        } else {
            err.printf("\r%s", size(done));
        }
        err.flush();
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.1f MiB", bytes / (1024.0 * 1024));
    }
}
