package city.neotropolis.neobank.backup.original;

import city.neotropolis.neobank.accounts.AdminBootstrap;
import city.neotropolis.neobank.accounts.CharacterNames;
import city.neotropolis.neobank.ledger.SystemAccounts;
import city.neotropolis.neobank.money.Credits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How each row of the original's {@code users} becomes one of our accounts, decided before anything
 * is written: names keep working for login (compared the way we compare them), bcrypt hashes get
 * the prefix jBCrypt reads, {@code SYSTEM} becomes the mint and {@code CASINO HOUSE} the house.
 * What cannot be carried over exactly (two names that are one for us, a name too long for our
 * column) stops the import before it starts, with every such problem listed.
 */
final class AccountPlan {
    /** bcrypt as Python ({@code $2b$}), PHP ({@code $2y$}) and jBCrypt ({@code $2a$}) write it. */
    private static final Pattern BCRYPT = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    static final int MAX_NAME = 64;
    static final int MAX_NUMBER = 16;
    static final int MAX_FACTION = 64;
    static final int MAX_PICTURE = 512;

    /** One account to create; {@code balance} is what the player last saw, rounded. */
    record Planned(
            OriginalDatabase.User source,
            String number,
            String name,
            String nameKey,
            String passwordHash,
            String faction,
            String picture,
            boolean admin,
            boolean system,
            int freeSpins,
            Credits balance) {}

    final Planned mint;
    final Planned house;
    final List<Planned> players = new ArrayList<>();
    /** Original user id → planned account. */
    final Map<Long, Planned> byOriginalId = new HashMap<>();

    int rewrittenHashes;

    AccountPlan(List<OriginalDatabase.User> users, ImportReport report) {
        List<String> problems = new ArrayList<>();
        Map<String, Planned> byKey = new HashMap<>();
        Map<String, Planned> byNumber = new HashMap<>();
        Planned foundMint = null;
        Planned foundHouse = null;
        for (OriginalDatabase.User u : users) {
            String number = u.accountNumber() == null ? "" : u.accountNumber().trim();
            if (SystemAccounts.MINT_NUMBER.equals(number)) {
                foundMint = system(u, SystemAccounts.MINT_NUMBER, SystemAccounts.MINT_NAME, "mint");
                report.change("'" + u.characterName() + "' " + number + " becomes our mint: its stored balance "
                        + Amounts.raw(u.balance()) + " is not carried (the mint's balance is minus the money "
                        + "supply) and it never logs in");
                byOriginalId.put(u.id(), foundMint);
                continue;
            }
            if (SystemAccounts.HOUSE_NUMBER.equals(number)) {
                foundHouse = system(u, SystemAccounts.HOUSE_NUMBER, SystemAccounts.HOUSE_NAME, "house");
                foundHouse = withBalance(foundHouse, balance(u, report));
                report.change("'" + u.characterName() + "' " + number + " becomes our casino house '"
                        + SystemAccounts.HOUSE_NAME + "' (no login)");
                byOriginalId.put(u.id(), foundHouse);
                continue;
            }
            String name = u.characterName() == null ? "" : u.characterName().trim();
            String key = CharacterNames.key(name);
            if (name.isEmpty()) {
                problems.add("user #" + u.id() + " has no character name");
                continue;
            }
            if (name.length() > MAX_NAME || key.length() > MAX_NAME) {
                problems.add("character name '" + name + "' (user #" + u.id() + ") is longer than " + MAX_NAME
                        + " characters: shorten it in the original first");
            }
            if (number.isEmpty() || number.length() > MAX_NUMBER) {
                problems.add("user #" + u.id() + " '" + name + "' has account number '" + number
                        + "', which does not fit (1–" + MAX_NUMBER + " characters)");
            }
            String faction = blankToEmpty(u.faction());
            if (faction.length() > MAX_FACTION) {
                problems.add("faction of '" + name + "' is longer than " + MAX_FACTION + " characters");
            }
            String picture = blankToEmpty(u.profilePicture());
            if (picture.length() > MAX_PICTURE) {
                problems.add("profile picture of '" + name + "' is longer than " + MAX_PICTURE + " characters");
            }
            int spins = u.freeSpins();
            if (spins < 0) {
                report.change("'" + name + "' had " + spins + " free spins: set to 0");
                spins = 0;
            }
            Planned p = new Planned(
                    u,
                    number,
                    u.characterName(),
                    key,
                    hash(u, name, report),
                    faction,
                    picture,
                    u.isAdmin(),
                    false,
                    spins,
                    balance(u, report));
            Planned clash = byKey.putIfAbsent(key, p);
            if (clash != null) {
                problems.add("'" + clash.name() + "' and '" + u.characterName() + "' are the same name here "
                        + "(names are compared regardless of case and width): rename one in the original first");
            }
            Planned twin = byNumber.putIfAbsent(number.toUpperCase(Locale.ROOT), p);
            if (twin != null) {
                problems.add("account number " + number + " belongs to both '" + twin.name() + "' and '" + name + "'");
            }
            players.add(p);
            byOriginalId.put(u.id(), p);
        }
        if (players.stream().noneMatch(Planned::admin) && byKey.containsKey(AdminBootstrap.ADMIN_NAME)) {
            problems.add("no character is a GM, and one is named '" + AdminBootstrap.ADMIN_NAME + "': the service's "
                    + "first start would create GM '" + AdminBootstrap.ADMIN_NAME + "' and fail; make a GM in the "
                    + "original first");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Cannot import without losing someone; nothing was written:\n  - "
                    + String.join("\n  - ", problems));
        }
        if (foundMint == null) {
            report.change("the original has no SYSTEM row (" + SystemAccounts.MINT_NUMBER + "): a new mint is made");
            foundMint = system(null, SystemAccounts.MINT_NUMBER, SystemAccounts.MINT_NAME, "mint");
        }
        if (foundHouse == null) {
            report.change("the original has no CASINO HOUSE row (" + SystemAccounts.HOUSE_NUMBER
                    + "): a new, empty house is made");
            foundHouse = system(null, SystemAccounts.HOUSE_NUMBER, SystemAccounts.HOUSE_NAME, "house");
        }
        mint = foundMint;
        house = foundHouse;
    }

    /** The mint and the house first, then the characters in the original's order. */
    List<Planned> systemFirst() {
        List<Planned> all = new ArrayList<>();
        all.add(mint);
        all.add(house);
        all.addAll(players);
        return all;
    }

    private static Planned system(OriginalDatabase.User u, String number, String name, String role) {
        String key =
                role.equals("mint") ? "system:mint:neotropolis-central-bank" : "system:house:chrome-slots-bankroll";
        return new Planned(u, number, name, key, null, "", "", false, true, 0, Credits.ZERO);
    }

    private static Planned withBalance(Planned p, Credits balance) {
        return new Planned(
                p.source(),
                p.number(),
                p.name(),
                p.nameKey(),
                p.passwordHash(),
                p.faction(),
                p.picture(),
                p.admin(),
                p.system(),
                p.freeSpins(),
                balance);
    }

    private static String blankToEmpty(String s) {
        return s == null || s.isBlank() ? "" : s;
    }

    /** The stored balance, rounded to hundredths and never below zero, each change reported. */
    private static Credits balance(OriginalDatabase.User u, ImportReport report) {
        String who = u.accountNumber() + " '" + u.characterName() + "'";
        if (!Double.isFinite(u.balance())) {
            throw new IllegalArgumentException("The balance of " + who + " is not a number (" + u.balance()
                    + "): fix it in the original first; nothing was written");
        }
        Credits rounded = Amounts.rounded(u.balance());
        if (!Amounts.exact(u.balance())) {
            report.rounding("balance of " + who + ": " + Amounts.raw(u.balance()) + " -> " + rounded);
        }
        if (rounded.isNegative()) {
            report.change("balance of " + who + " was " + rounded + ": set to 0.00 (only the mint may be negative)");
            return Credits.ZERO;
        }
        return rounded;
    }

    private String hash(OriginalDatabase.User u, String name, ImportReport report) {
        String h = u.passwordHash() == null ? "" : u.passwordHash().trim();
        if (!BCRYPT.matcher(h).matches()) {
            report.change("'" + name + "' cannot log in: the stored password hash is not bcrypt "
                    + "(a GM resets the password)");
            return null;
        }
        if (!h.startsWith("$2a$")) {
            // $2b$ and $2y$ differ from $2a$ only for passwords longer than 255 bytes, which bcrypt
            // never reads past 72 of: the same hash, under the one prefix jBCrypt 0.4 accepts.
            rewrittenHashes++;
            return "$2a$" + h.substring(4);
        }
        return h;
    }
}
