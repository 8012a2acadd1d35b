package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.time.Timestamps;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The users export, with the original NeoBank's columns; recorded in the audit log (it is everyone's data). */
final class UsersCsv {
    static final String[] HEADER = {"Character Name", "Account Number", "Balance", "Faction", "Is Admin", "Created At"};

    private final Database db;
    private final AuditLog audit;

    UsersCsv(Database db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    String export(Player gm) {
        List<Account> all = db.reads().withExtension(AdminDao.class, AdminDao::allPlayers);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Account a : all) {
                csv.printRecord(
                        cell(a.characterName()),
                        a.accountNumber(),
                        a.balance().toString(),
                        cell(a.faction()),
                        a.isAdmin() ? "true" : "false",
                        Timestamps.iso(a.createdAt()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.record(gm.characterName(), "export_users", "", all.size() + " users");
        return out.toString();
    }

    /**
     * Names are stored as players typed them; a spreadsheet would run one starting with = + - @ as a
     * formula, so such cells get a leading apostrophe (the OWASP advice for CSV injection).
     */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
