package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.Dialect;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.web.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Online snapshots of the SQLite database: {@code VACUUM INTO} on a read connection (a consistent
 * copy while players keep playing), checked (integrity and ledger invariants) under a temporary
 * name, and only then kept as {@code <dataDir>/backups/neobank-YYYYMMDD-HHMMSS.db} (UTC).
 */
public final class Backups {
    private static final Logger LOG = LoggerFactory.getLogger(Backups.class);
    static final Pattern NAME = Pattern.compile("neobank-(\\d{8}-\\d{6})(-\\d{1,3})?\\.db");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    public static final String PG_DUMP = "Backups of a PostgreSQL database are pg_dump's job (the Kubernetes "
            + "backup CronJob runs it); this endpoint snapshots SQLite only";

    /** A kept snapshot. The check figures are present only right after it was taken. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Backup(
            String name,
            long sizeBytes,
            String createdAt,
            String integrity,
            Boolean ledgerOk,
            Credits moneySupply,
            Long accounts,
            Long transactions,
            Long durationMs) {}

    private final Database db;
    private final Path dir;
    private final Clock clock;
    private final int retentionDays;
    private final ReentrantLock running = new ReentrantLock();
    private volatile Runnable onKept = () -> {};

    public Backups(Database db, Path dataDir, Clock clock, int retentionDays) {
        this.db = db;
        this.dir = dataDir.resolve("backups");
        this.clock = clock;
        this.retentionDays = retentionDays;
    }

    /** Called after each backup is kept (the off-site copy starts there); must not block. */
    public void onKept(Runnable action) {
        this.onKept = action;
    }

    public boolean supported() {
        return db.dialect() == Dialect.SQLITE;
    }

    public Path directory() {
        return dir;
    }

    public int retentionDays() {
        return retentionDays;
    }

    /** Takes, checks and keeps one snapshot, then drops those past retention. One at a time. */
    public Backup take() {
        if (!supported()) {
            throw ApiException.badRequest(PG_DUMP);
        }
        if (!running.tryLock()) {
            throw ApiException.conflict("A backup is already being taken; try again in a moment");
        }
        try {
            return takeLocked();
        } finally {
            running.unlock();
        }
    }

    private Backup takeLocked() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(dir);
            String name = freeName(
                    LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(STAMP));
            Path tmp = dir.resolve("." + name + ".partial");
            Files.deleteIfExists(tmp);
            try {
                // A read connection: the snapshot sees one committed state and never blocks the writer.
                db.reads()
                        .useHandle(h ->
                                h.execute("VACUUM INTO ?", tmp.toAbsolutePath().toString()));
                BackupCheck.Result check = BackupCheck.check(tmp);
                if (!check.ok()) {
                    LOG.error("Backup {} failed its check and was not kept: {}", name, check.problem());
                    throw new ApiException(500, "The backup failed its check and was not kept: " + check.problem());
                }
                Path file = dir.resolve(name);
                force(tmp);
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                force(dir);
                long ms = Duration.ofNanos(System.nanoTime() - started).toMillis();
                LOG.info(
                        "Backup {} kept: {} bytes, {} transactions, money supply {}, {} ms",
                        name,
                        Files.size(file),
                        check.ledger().transactions(),
                        check.ledger().moneySupply(),
                        ms);
                prune();
                onKept.run();
                return new Backup(
                        name,
                        Files.size(file),
                        Timestamps.iso(clock.millis()),
                        "ok",
                        true,
                        check.ledger().moneySupply(),
                        check.ledger().accounts(),
                        check.ledger().transactions(),
                        ms);
            } finally {
                Files.deleteIfExists(tmp);
                Files.deleteIfExists(dir.resolve(tmp.getFileName() + "-wal"));
                Files.deleteIfExists(dir.resolve(tmp.getFileName() + "-shm"));
            }
        } catch (IOException e) {
            LOG.error("Backup failed", e);
            throw new ApiException(500, "The backup could not be written: " + e.getMessage());
        }
    }

    /** A kept backup must survive a power cut as surely as a commit: fsync the file, then its directory entry. */
    private static void force(Path p) {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("Could not fsync {} (not supported here?)", p, e);
        }
    }

    private String freeName(String stamp) {
        String name = "neobank-" + stamp + ".db";
        for (int i = 1; Files.exists(dir.resolve(name)); i++) {
            name = "neobank-" + stamp + "-" + i + ".db";
        }
        return name;
    }

    /** Kept snapshots, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(
                            p -> NAME.matcher(p.getFileName().toString()).matches())
                    .toList()) {
                out.add(new Backup(
                        p.getFileName().toString(),
                        Files.size(p),
                        Timestamps.iso(Files.getLastModifiedTime(p).toMillis()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing((Backup b) -> order(b.name())).reversed());
        return out;
    }

    /** When the newest kept backup was taken (from its name, UTC), in epoch seconds; empty when none. */
    public Optional<Long> newestEpochSeconds() {
        for (Backup b : list()) {
            Matcher m = NAME.matcher(b.name());
            LocalDateTime t = m.matches() ? stamp(m.group(1)) : LocalDateTime.MAX;
            if (!t.equals(LocalDateTime.MAX)) {
                return Optional.of(t.toEpochSecond(ZoneOffset.UTC));
            }
        }
        return Optional.empty();
    }

    /** Sorts by time, then by the -N suffix of snapshots taken within the same second. */
    private static String order(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return name;
        }
        String suffix = m.group(2) == null ? "" : m.group(2).substring(1);
        return m.group(1) + "-" + "0".repeat(3 - suffix.length()) + suffix;
    }

    /** The file of a kept snapshot; anything that is not exactly a snapshot's name is not found. */
    public Optional<Path> file(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path p = dir.resolve(name).normalize();
        return p.getParent().equals(dir.normalize()) && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    private static LocalDateTime stamp(String s) {
        try {
            return LocalDateTime.parse(s, STAMP);
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDateTime.MAX; // not a time we wrote: never delete it
        }
    }

    /** Deletes snapshots whose name says they are older than the retention period. */
    public int prune() {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        LocalDateTime cutoff =
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(retentionDays);
        int deleted = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches() && stamp(m.group(1)).isBefore(cutoff)) {
                    Files.delete(p);
                    deleted++;
                    LOG.info("Deleted backup {} (older than {} days)", p.getFileName(), retentionDays);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not prune old backups", e);
        }
        return deleted;
    }
}
