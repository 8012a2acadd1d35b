package city.neotropolis.neobank.external;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for players' terminal PINs. */
@RegisterConstructorMapper(TerminalPinDao.PinState.class)
public interface TerminalPinDao {

    /** A player's PIN hash, wrong attempts in a row, and the end of a lockout (or null). */
    record PinState(String pinHash, int failures, Long lockedUntil) {}

    @SqlQuery("SELECT pin_hash, failures, locked_until FROM terminal_pins WHERE account_id = :a")
    Optional<PinState> state(@Bind("a") long accountId);

    /** Setting a PIN (with the account password) also clears any lockout. */
    @SqlUpdate("INSERT INTO terminal_pins (account_id, pin_hash, failures, locked_until, updated_at) "
            + "VALUES (:a, :h, 0, NULL, :now) ON CONFLICT (account_id) DO UPDATE SET pin_hash = :h, failures = 0, "
            + "locked_until = NULL, updated_at = :now")
    int set(@Bind("a") long accountId, @Bind("h") String pinHash, @Bind("now") long now);

    @SqlUpdate("DELETE FROM terminal_pins WHERE account_id = :a")
    int remove(@Bind("a") long accountId);

    @SqlUpdate("UPDATE terminal_pins SET failures = 0, updated_at = :now WHERE account_id = :a AND failures <> 0")
    int clearFailures(@Bind("a") long accountId, @Bind("now") long now);

    /** One more wrong PIN; returns how many in a row there now are. */
    @SqlQuery("UPDATE terminal_pins SET failures = failures + 1, updated_at = :now WHERE account_id = :a "
            + "RETURNING failures")
    Optional<Integer> fail(@Bind("a") long accountId, @Bind("now") long now);

    @SqlUpdate("UPDATE terminal_pins SET failures = 0, locked_until = :until, updated_at = :now WHERE account_id = :a")
    int lock(@Bind("a") long accountId, @Bind("until") long until, @Bind("now") long now);
}
