package city.neotropolis.neobank.external;

import city.neotropolis.neobank.auth.Passwords;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.web.ApiException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.mindrot.jbcrypt.BCrypt;

/**
 * A player's terminal PIN: where one is set, a terminal's charge must carry it. Five wrong PINs in
 * a row lock terminal charges for that player for 15 minutes. Only one PIN check per player runs
 * at a time (others get a 409 and retry), so concurrent guesses cannot slip past the count.
 */
public final class TerminalPins {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    private static final Pattern SHAPE = Pattern.compile("[0-9]{4,6}");
    /** Run by every charge without a PIN: a cached prepared statement, as in the Ledger. */
    private static final String HAS_PIN = "SELECT 1 FROM terminal_pins WHERE account_id = ?";

    private static final String PIN_REQUIRED = "This player has set a terminal PIN: send it as pin";

    private final Database db;
    private final Clock clock;
    private final int bcryptCost;
    // PIN bcrypts take their turns with password bcrypts: one bounded share of the CPU for both.
    private final Passwords turns;
    private final Map<Long, Boolean> checking = new ConcurrentHashMap<>();

    public TerminalPins(Database db, Clock clock, int bcryptCost, Passwords turns) {
        this.db = db;
        this.clock = clock;
        this.bcryptCost = bcryptCost;
        this.turns = turns;
    }

    /** Sets (or with an empty pin, removes) a player's PIN; the caller has checked the password. */
    public boolean set(long accountId, String pin) {
        if (pin != null && pin.isEmpty()) {
            db.writer().write(s -> s.dao(TerminalPinDao.class).remove(accountId));
            return false;
        }
        if (pin == null || !SHAPE.matcher(pin).matches()) {
            throw ApiException.badRequest("pin must be 4 to 6 digits, as a string (\"\" removes the PIN)");
        }
        String hash = turns.inTurn(() -> BCrypt.hashpw(pin, BCrypt.gensalt(bcryptCost)));
        long now = clock.millis();
        db.writer().write(s -> s.dao(TerminalPinDao.class).set(accountId, hash, now));
        return true;
    }

    /**
     * Inside a charge's write unit, when no PIN was checked before it: refuses a player who has a
     * PIN. Most players have none, so most charges pay for this one primary-key lookup in the
     * writer instead of a pooled read before it; and a PIN set a moment ago is never skipped.
     */
    public void refuseIfSet(WriteSession s, long accountId) throws SQLException {
        refuseIfSet(s, accountId, PIN_REQUIRED);
    }

    /** As {@link #refuseIfSet(WriteSession, long)}, with the refusal's own message. */
    public void refuseIfSet(WriteSession s, long accountId, String message) throws SQLException {
        PreparedStatement ps = s.prepare(HAS_PIN);
        ps.setLong(1, accountId);
        try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                throw ApiException.badRequest(message);
            }
        }
    }

    /**
     * Checks the PIN a terminal sent for this player: the right PIN, outside a lockout.
     *
     * @return true when the player has a PIN and this is it; false when the player has none (the
     *     charge's unit then checks again with {@link #refuseIfSet})
     * @throws ApiException 400 wrong PIN; 409 another check for this player is running;
     *     429 (with Retry-After) while locked
     */
    public boolean check(long accountId, String pin) {
        if (state(accountId).isEmpty()) {
            return false;
        }
        if (checking.putIfAbsent(accountId, Boolean.TRUE) != null) {
            throw ApiException.conflict("A PIN check for this player is already running; try again");
        }
        try {
            // Read again now that no other check for this player can run: it may have just locked.
            TerminalPinDao.PinState st = state(accountId).orElse(null);
            if (st == null) {
                return false;
            }
            long now = clock.millis();
            if (st.lockedUntil() != null && st.lockedUntil() > now) {
                throw locked(st.lockedUntil() - now);
            }
            if (pin == null) {
                throw ApiException.badRequest(PIN_REQUIRED);
            }
            if (!SHAPE.matcher(pin).matches()) {
                throw ApiException.badRequest("pin must be 4 to 6 digits, as a string");
            }
            if (turns.inTurn(() -> BCrypt.checkpw(pin, st.pinHash()))) {
                if (st.failures() > 0) {
                    db.writer().write(s -> s.dao(TerminalPinDao.class).clearFailures(accountId, now));
                }
                return true;
            }
            int failures = db.writer().write(s -> {
                TerminalPinDao dao = s.dao(TerminalPinDao.class);
                int n = dao.fail(accountId, now).orElse(0);
                if (n >= MAX_FAILURES) {
                    dao.lock(accountId, now + LOCKOUT.toMillis(), now);
                }
                return n;
            });
            if (failures >= MAX_FAILURES) {
                throw locked(LOCKOUT.toMillis());
            }
            int left = MAX_FAILURES - failures;
            throw ApiException.badRequest("Wrong PIN (" + left + (left == 1 ? " attempt" : " attempts")
                    + " left before terminal charges are locked for " + LOCKOUT.toMinutes() + " minutes)");
        } finally {
            checking.remove(accountId);
        }
    }

    private Optional<TerminalPinDao.PinState> state(long accountId) {
        return db.reads().withExtension(TerminalPinDao.class, dao -> dao.state(accountId));
    }

    private static ApiException locked(long millisLeft) {
        long seconds = Math.max(1, (millisLeft + 999) / 1000);
        return new ApiException(
                429,
                "Too many wrong PINs: terminal charges for this player are locked for " + ((seconds + 59) / 60)
                        + " more minutes",
                Map.of("Retry-After", Long.toString(seconds)));
    }
}
