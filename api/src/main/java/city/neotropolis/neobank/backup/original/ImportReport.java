package city.neotropolis.neobank.backup.original;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import did, for the operator to read and keep: counts per table, the money supply
 * before and after, every rounding, every discrepancy between history and balance, every other
 * change, and the ledger check at the end. Nothing is rounded or changed without a line here.
 */
public final class ImportReport {
    private final List<String> counts = new ArrayList<>();
    private final List<String> money = new ArrayList<>();
    private final List<String> roundings = new ArrayList<>();
    private final List<String> discrepancies = new ArrayList<>();
    private final List<String> changes = new ArrayList<>();
    private String verify = "not run";
    private boolean dryRun;

    void count(String line) {
        counts.add(line);
    }

    void money(String line) {
        money.add(line);
    }

    void rounding(String line) {
        roundings.add(line);
    }

    void discrepancy(String line) {
        discrepancies.add(line);
    }

    void change(String line) {
        changes.add(line);
    }

    void verify(String line) {
        verify = line;
    }

    void dryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public List<String> counts() {
        return List.copyOf(counts);
    }

    public List<String> roundings() {
        return List.copyOf(roundings);
    }

    public List<String> discrepancies() {
        return List.copyOf(discrepancies);
    }

    public List<String> changes() {
        return List.copyOf(changes);
    }

    public List<String> moneySupply() {
        return List.copyOf(money);
    }

    public String verification() {
        return verify;
    }

    public void print(PrintStream out) {
        out.println(dryRun ? "DRY RUN: nothing was written. This is what the import would do." : "Import done.");
        section(out, "Counts", counts);
        section(out, "Money supply", money);
        section(out, "Roundings to hundredths", roundings);
        section(out, "Discrepancies (history vs. the balance each player last saw; the balance wins)", discrepancies);
        section(out, "Changes", changes);
        out.println("Ledger verify: " + verify);
    }

    private static void section(PrintStream out, String title, List<String> lines) {
        out.println();
        out.println(title + " (" + lines.size() + "):");
        if (lines.isEmpty()) {
            out.println("  none");
        }
        for (String l : lines) {
            out.println("  " + l);
        }
    }
}
