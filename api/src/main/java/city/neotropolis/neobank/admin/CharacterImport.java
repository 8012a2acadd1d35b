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
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bulk character creation from {@code character_name,password,faction,balance}. Every row is
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
        List<CSVRecord> records = parse(csv);
        Map<String, Long> seen = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        List<Valid> valid = new ArrayList<>();
        for (CSVRecord r : records) {
            String rawName = r.size() > 0 ? r.get(0) : "";
            try {
                Valid v = check(r, seen);
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

    private static List<CSVRecord> parse(String csv) {
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
        if (!records.isEmpty() && records.get(0).get(0).equalsIgnoreCase("character_name")) {
            records.remove(0);
        }
        if (records.isEmpty()) {
            throw ApiException.badRequest("The CSV has no rows; expected lines of " + COLUMNS);
        }
        if (records.size() > MAX_ROWS) {
            throw ApiException.badRequest("At most " + MAX_ROWS + " rows per import");
        }
        return records;
    }

    private Valid check(CSVRecord r, Map<String, Long> seen) {
        if (r.size() > 4) {
            throw ApiException.badRequest("Expected at most 4 columns: " + COLUMNS);
        }
        String name = CharacterNames.clean(field(r, 0));
        // By skeleton: a look-alike of an earlier line is as much a duplicate as the same name.
        String key = CharacterNames.skeleton(name);
        Long earlier = seen.get(key);
        if (earlier != null) {
            throw ApiException.badRequest("Same or look-alike character name as line " + earlier);
        }
        accounts.refuseTaken(name);
        String password = field(r, 1);
        if (password.isEmpty()) {
            password = null;
        } else if (password.codePointCount(0, password.length()) < Passwords.MIN_LENGTH) {
            throw ApiException.badRequest("password must be at least " + Passwords.MIN_LENGTH
                    + " characters (or empty for an account without login)");
        } else if (password.getBytes(StandardCharsets.UTF_8).length > Passwords.MAX_BYTES) {
            throw ApiException.badRequest("password must be at most " + Passwords.MAX_BYTES + " bytes");
        }
        String faction = FactionNames.optional(field(r, 2), "faction");
        String balanceText = field(r, 3);
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
        return i < r.size() ? r.get(i) : "";
    }
}
