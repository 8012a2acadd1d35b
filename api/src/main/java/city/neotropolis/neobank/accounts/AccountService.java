package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.auth.Principals;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import com.google.common.base.Throwables;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Supplier;

/** Creating characters and changing what they own: profile and password. */
public final class AccountService {
    public static final int FACTION_MAX = 32;
    public static final int PICTURE_MAX = 512;

    /** What a new account starts with; the password is already hashed (or null for no login). */
    public record NewAccount(
            String characterName,
            String passwordHash,
            String faction,
            boolean isAdmin,
            Credits startingBalance,
            String actor) {}

    private final Database db;
    private final Ledger ledger;
    private final Passwords passwords;
    private final Principals principals;
    private final AccountNumbers numbers = new AccountNumbers();
    private final Credits startingBalance;

    public AccountService(
            Database db, Ledger ledger, Passwords passwords, Principals principals, Credits startingBalance) {
        this.db = db;
        this.ledger = ledger;
        this.passwords = passwords;
        this.principals = principals;
        this.startingBalance = startingBalance;
    }

    public Credits startingBalance() {
        return startingBalance;
    }

    /**
     * A player registers a character: validated, hashed outside the writer, created with the
     * starting balance when {@code withStartingBalance} (the registration mode decides).
     */
    public Account register(String characterName, String password, String faction, boolean withStartingBalance) {
        String name = CharacterNames.clean(characterName);
        // A faction named at sign-up is a request: membership that receives grants is a GM's call.
        String request = FactionNames.optional(faction, "faction");
        String hash = passwords.hashNew(password, "password");
        NewAccount n = new NewAccount(
                name, hash, "", false, withStartingBalance ? startingBalance : Credits.ZERO, "player:register");
        return guardNames(() -> db.writer().write(s -> {
            Account a = create(s, n);
            if (request != null && !request.isEmpty()) {
                s.dao(AccountDao.class).setFactionRequest(a.id(), request);
            }
            return a;
        }));
    }

    /**
     * Runs a write unit that creates accounts, answering a name lost to a concurrent sign-up (the
     * unique name_key or name_skeleton column, a 500 otherwise on PostgreSQL) with the 400 the
     * check inside the unit gives when it sees the other name first.
     */
    public static <T> T guardNames(Supplier<T> unit) {
        try {
            return unit.get();
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            boolean clash = Throwables.getCausalChain(e).stream()
                    .anyMatch(c -> c instanceof SQLException x
                            && ("23505".equals(x.getSQLState())
                                    || String.valueOf(x.getMessage()).contains("UNIQUE"))
                            && (String.valueOf(x.getMessage()).contains("name_key")
                                    || String.valueOf(x.getMessage()).contains("name_skeleton")));
            if (clash) {
                throw ApiException.badRequest("Character name already taken, or too like one that is; choose another");
            }
            throw e;
        }
    }

    /**
     * Creates an account inside an open write unit and issues its starting balance from the mint as
     * a journal row, so the money supply stays exactly what the journal says.
     */
    public Account create(WriteSession s, NewAccount n) throws SQLException {
        AccountDao dao = s.dao(AccountDao.class);
        String key = CharacterNames.key(n.characterName());
        String skeleton = CharacterNames.skeleton(n.characterName());
        refuseTaken(dao, key, skeleton);
        String faction = n.faction() == null || n.faction().isEmpty()
                ? ""
                : s.dao(FactionDao.class)
                        .canonical(n.faction(), n.actor(), ledger.clock().millis());
        String number = numbers.next();
        while (dao.countNumber(number) > 0) {
            number = numbers.next();
        }
        long id = dao.insert(
                number,
                n.characterName(),
                key,
                skeleton,
                n.passwordHash(),
                faction,
                n.isAdmin(),
                false,
                ledger.clock().millis());
        if (n.startingBalance() != null && n.startingBalance().isPositive()) {
            ledger.post(
                    s,
                    Movement.of(
                            ledger.system().mintId(),
                            id,
                            n.startingBalance(),
                            TxType.GENESIS,
                            "Starting balance",
                            n.actor()));
        }
        return dao.byId(id).orElseThrow();
    }

    /**
     * Refuses a name already taken or confusable with one that is (same skeleton). Checked inside
     * the write unit; the unique columns stop the race the check alone would lose on PostgreSQL.
     */
    static void refuseTaken(AccountDao dao, String key, String skeleton) {
        if (dao.byNameKey(key).isPresent()) {
            throw ApiException.badRequest("Character name already taken");
        }
        dao.nameWithSkeleton(skeleton).ifPresent(other -> {
            throw ApiException.badRequest(
                    "character_name looks like the existing character \"" + other + "\"; choose another");
        });
    }

    /** The same check on a read handle, for an import that checks every row before writing any. */
    public void refuseTaken(String cleanName) {
        db.reads()
                .useExtension(
                        AccountDao.class,
                        dao -> refuseTaken(dao, CharacterNames.key(cleanName), CharacterNames.skeleton(cleanName)));
    }

    public Optional<Account> byId(long id) {
        return AccountDao.findById(db, id);
    }

    public Optional<Account> byNumber(String number) {
        return db.reads().withExtension(AccountDao.class, dao -> dao.byNumber(number));
    }

    public Optional<Account> byNameKey(String key) {
        return db.reads().withExtension(AccountDao.class, dao -> dao.byNameKey(key));
    }

    /** What a profile update did, for the reply's message. */
    public record ProfileUpdate(Account account, String factionRequested) {}

    /**
     * A player's own profile. The faction itself is a GM's decision: sending a different one is a
     * 403 and changes nothing (sending the current one, as a client that echoes the whole profile
     * does, is fine); {@code factionRequest} records the wish for a GM to confirm ("" withdraws it).
     */
    public ProfileUpdate updateProfile(long id, String faction, String factionRequest, String picture) {
        String f = FactionNames.optional(faction, "faction");
        String request = FactionNames.optional(factionRequest, "faction_request");
        String p = Input.optionalText(picture, "profile_picture", PICTURE_MAX);
        if (p != null
                && !p.isEmpty()
                && !(p.startsWith("https://") || p.startsWith("data:image/"))
                && p.codePointCount(0, p.length()) > 8) {
            throw ApiException.badRequest("profile_picture must be an https:// or data:image/ URL, or a short emoji");
        }
        Account current = byId(id).orElseThrow(() -> ApiException.notFound("Account not found"));
        if (f != null && !FactionNames.key(f).equals(FactionNames.key(current.faction()))) {
            throw ApiException.forbidden("A GM decides faction membership: send faction_request to ask to join "
                    + (f.isEmpty() ? "or leave a faction" : "\"" + f + "\"")
                    + ", and a GM confirms it");
        }
        Account updated = db.writer().write(s -> {
            AccountDao dao = s.dao(AccountDao.class);
            dao.updateProfile(id, null, p);
            if (request != null) {
                dao.setFactionRequest(id, request);
            }
            return dao.byId(id).orElseThrow();
        });
        principals.invalidate(id);
        return new ProfileUpdate(updated, request);
    }

    /** Checks the current password, stores the new one and retires every older token. */
    public Account changePassword(long id, String current, String next) {
        Account account = byId(id).orElseThrow(() -> ApiException.notFound("Account not found"));
        Input.required(current, "current_password");
        String hash = passwords.hashNew(next, "new_password");
        if (!passwords.matches(current, account.passwordHash())) {
            throw ApiException.badRequest("Current password is incorrect");
        }
        Account updated = db.writer().write(s -> {
            s.dao(AccountDao.class).updatePassword(id, hash);
            return s.dao(AccountDao.class).byId(id).orElseThrow();
        });
        principals.invalidate(id);
        return updated;
    }
}
