package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.accounts.CharacterNames;
import city.neotropolis.neobank.accounts.FactionNames;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk character creation from {@code character_name,password,faction,balance}, or from any file
 * whose header names those columns: the users export ({@code Character Name,Account Number,Balance,
 * Faction,Is Admin,Created At}) imports as it is, its other columns ignored. Every row is
 * checked first and reported; the good rows are then created together in one write unit, so either
 * all of their starting balances are issued or none is, and a bad row never moves any money.
 */
public final class CharacterImport {
    public static final int MAX_ROWS = 1000;
    static final String COLUMNS = "character_name,password,faction,balance";

    /** The outcome of one line of the file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(long line, String characterName, boolean ok, String error, String accountNumber) {}

    /** The whole report. */
    public record Report(String message, int created, int failed, List<Row> rows) {}

    private record Valid(long line, String name, String password, String faction, Credits balance) {}

    /** Where each column is (-1: absent) and how many columns a row may have. */
    private record Columns(int name, int password, int faction, int balance, int width) {
        static final Columns PLAIN = new Columns(0, 1, 2, 3, 4);
    }

    /** The rows to import and their columns. */
    private record Sheet(List<CSVRecord> rows, Columns columns) {}

    /** Columns of the users export that say nothing about a new character. */
    private static final List<String> IGNORED = List.of("account_number", "is_admin", "created_at");

    private final Database db;
    private final AccountService accounts;
    private final AuditLog audit;
    private final Passwords passwords;
    private final AdminService admin;

    public CharacterImport(
            Database db, AccountService accounts, AuditLog audit, Passwords passwords, AdminService admin) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.passwords = passwords;
        this.admin = admin;
    }

    public Report run(Player gm, String csv) {
        Sheet sheet = parse(csv);
        Columns columns = sheet.columns();
        Map<String, Long> seen = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<Valid> valid = new ArrayList<>();
        for (CSVRecord r : sheet.rows()) {
            String rawName = field(r, columns.name());
            try {
                Valid v = check(r, columns, seen);
                valid.add(v);
                rows.add(new Row(r.getRecordNumber(), v.name(), true, null, null));
            } catch (ApiException | IllegalArgumentException e) {
                rows.add(new Row(r.getRecordNumber(), rawName, false, e.getMessage(), null));
            }
        }
        // bcrypt is slow on purpose: hash outside the writer, on both cores.
        List<String> hashes = valid.parallelStream()
                .map(v -> v.password() == null ? null : passwords.hashNew(v.password(), "password"))
                .toList();
        Map<Long, String> numbers = new HashMap<>();
        if (!valid.isEmpty()) {
            List<Account> created = AccountService.guardNames(() -> db.writer().write(s -> {
                List<Account> out = new ArrayList<>();
                for (int i = 0; i < valid.size(); i++) {
                    Valid v = valid.get(i);
                    out.add(accounts.create(
                            s,
                            new AccountService.NewAccount(
                                    v.name(), hashes.get(i), v.faction(), false, v.balance(), AdminService.actor(gm))));
                }
                audit.record(
                        s,
                        gm.characterName(),
                        "import_users",
                        "",
                        "created " + out.size() + ", failed "
                                + (rows.size() - out.size()) + ": "
                                + String.join(
                                        " ",
                                        out.stream().map(Account::accountNumber).toList()));
                return out;
            }));
            for (int i = 0; i < valid.size(); i++) {
                numbers.put(valid.get(i).line(), created.get(i).accountNumber());
            }
        }
        List<Row> report = rows.stream()
                .map(r -> r.ok() ? new Row(r.line(), r.characterName(), true, null, numbers.get(r.line())) : r)
                .toList();
        int failed = rows.size() - valid.size();
        return new Report(
                "Created " + valid.size() + " character" + (valid.size() == 1 ? "" : "s")
                        + (failed == 0
                                ? ""
                                : "; " + failed + " row" + (failed == 1 ? "" : "s") + " failed and created nothing"),
                valid.size(),
                failed,
                report);
    }

    private static Sheet parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.badRequest("The CSV is empty; expected lines of " + COLUMNS);
        }
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<CSVRecord> records;
        try (CSVParser p = CSVFormat.DEFAULT
                .builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get()
                .parse(new StringReader(text))) {
            records = new ArrayList<>(p.getRecords());
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw ApiException.badRequest("The CSV cannot be read: " + e.getMessage());
        }
        Columns columns = Columns.PLAIN;
        if (!records.isEmpty() && heading(records.get(0).get(0)).equals("character_name")) {
            columns = columns(records.remove(0));
        }
        if (records.isEmpty()) {
            throw ApiException.badRequest("The CSV has no rows; expected lines of " + COLUMNS);
        }
        if (records.size() > MAX_ROWS) {
            throw ApiException.badRequest("At most " + MAX_ROWS + " rows per import");
        }
        return new Sheet(records, columns);
    }

    /** "Character Name" and character_name are the same column. */
    private static String heading(String cell) {
        return cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }

    private static Columns columns(CSVRecord header) {
        Map<String, Integer> at = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = heading(header.get(i));
            if (!IGNORED.contains(h) && !List.of(COLUMNS.split(",")).contains(h)) {
                throw ApiException.badRequest("Unknown column '" + header.get(i) + "': the columns are " + COLUMNS
                        + " (an export's account_number, is_admin and created_at are ignored)");
            }
            if (at.putIfAbsent(h, i) != null) {
                throw ApiException.badRequest("Column '" + header.get(i) + "' appears twice");
            }
        }
        return new Columns(
                at.get("character_name"),
                at.getOrDefault("password", -1),
                at.getOrDefault("faction", -1),
                at.getOrDefault("balance", -1),
                header.size());
    }

    private Valid check(CSVRecord r, Columns c, Map<String, Long> seen) {
        if (r.size() > c.width()) {
            throw ApiException.badRequest("Expected at most " + c.width() + " columns"
                    + (c == Columns.PLAIN ? ": " + COLUMNS : ", as in the header"));
        }
        String name = CharacterNames.clean(unguarded(field(r, c.name())));
        // By skeleton: a look-alike of an earlier line is as much a duplicate as the same name.
        String key = CharacterNames.skeleton(name);
        Long earlier = seen.get(key);
        if (earlier != null) {
            throw ApiException.badRequest("Same or look-alike character name as line " + earlier);
        }
        accounts.refuseTaken(name);
        String password = field(r, c.password());
        if (password.isEmpty()) {
            password = null;
        } else if (password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH) {
            throw ApiException.badRequest("password must be at least " + Passwords.MIN_LENGTH
                    + " characters (or empty for an account without login)");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            throw ApiException.badRequest("password must be at most " + Passwords.MAX_BYTES + " bytes");
        }
        String faction = FactionNames.optional(unguarded(field(r, c.faction())), "faction");
        String balanceText = field(r, c.balance());
        Credits balance = admin.startingBalance(balanceText.isEmpty() ? null : balance(balanceText), "balance");
        seen.put(key, r.getRecordNumber());
        return new Valid(r.getRecordNumber(), name, password, faction, balance);
    }

    private static Credits balance(String text) {
        try {
            return Credits.parse(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage().replaceFirst("^amount", "balance"));
        }
    }

    private static String field(CSVRecord r, int i) {
        return i >= 0 && i < r.size() ? r.get(i) : "";
    }

    /** Undoes the export's guard against spreadsheet formulas ('=name back to =name). */
    static String unguarded(String cell) {
        if (cell.length() > 1 && cell.charAt(0) == '\'' && "=+-@\t\r".indexOf(cell.charAt(1)) >= 0) {
            return cell.substring(1);
        }
        return cell;
    }
}
