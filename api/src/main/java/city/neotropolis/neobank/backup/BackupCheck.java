package city.neotropolis.neobank.backup;

import city.neotropolis.neobank.ledger.LedgerVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Whether a SQLite file is a sound NeoBank database: SQLite's own integrity check, then the ledger
 * invariants on the copy itself. Used before a snapshot is kept and before a restore.
 */
public final class BackupCheck {

    /** What the check found; {@code problem} is null when the file is sound. */
    public record Result(boolean ok, String problem, LedgerVerifier.Report ledger) {}

    private BackupCheck() {}

    public static Result check(Path file) {
        if (!Files.isRegularFile(file)) {
            return new Result(false, "No such file: " + file, null);
        }
        try (Handle h = Jdbi.create("jdbc:sqlite:" + file.toAbsolutePath()).open()) {
            List<String> integrity =
                    h.createQuery("PRAGMA integrity_check").mapTo(String.class).list();
            if (!integrity.equals(List.of("ok"))) {
                return new Result(
                        false,
                        "integrity_check: " + String.join("; ", integrity.subList(0, Math.min(5, integrity.size()))),
                        null);
            }
            int tables = h.createQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' "
                            + "AND name IN ('accounts', 'transactions')")
                    .mapTo(Integer.class)
                    .one();
            if (tables != 2) {
                return new Result(false, "Not a NeoBank database (no accounts and transactions tables)", null);
            }
            LedgerVerifier.Report report = h.inTransaction(LedgerVerifier::verify);
            return report.ok()
                    ? new Result(true, null, report)
                    : new Result(false, "Ledger invariant violated: " + report.violation(), report);
        } catch (RuntimeException e) {
            return new Result(false, "Cannot read the file as SQLite: " + e.getMessage(), null);
        }
    }
}
