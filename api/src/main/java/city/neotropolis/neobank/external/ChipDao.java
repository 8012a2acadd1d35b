package city.neotropolis.neobank.external;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for chips (NFC tags): found by the keyed hash of their UID, never by the UID. */
@RegisterConstructorMapper(ChipDao.Row.class)
public interface ChipDao {

    /** A chip as stored, with its account's number; limits and spending in hundredths. */
    record Row(
            long id,
            String uidHash,
            long accountId,
            String accountNumber,
            String label,
            long perChargeLimit,
            long perDayLimit,
            boolean blocked,
            String spentDay,
            long spentToday,
            String createdBy,
            long createdAt,
            Long lastUsed) {}

    String SELECT = "SELECT c.id, c.uid_hash, c.account_id, a.account_number, c.label, c.per_charge_limit, "
            + "c.per_day_limit, c.blocked, c.spent_day, c.spent_today, c.created_by, c.created_at, c.last_used "
            + "FROM chips c JOIN accounts a ON a.id = c.account_id ";

    @SqlQuery("INSERT INTO chips (uid_hash, account_id, label, per_charge_limit, per_day_limit, blocked, "
            + "spent_today, created_by, created_at) VALUES (:h, :a, :l, :pc, :pd, FALSE, 0, :by, :now) RETURNING id")
    long insert(
            @Bind("h") String uidHash,
            @Bind("a") long accountId,
            @Bind("l") String label,
            @Bind("pc") long perCharge,
            @Bind("pd") long perDay,
            @Bind("by") String createdBy,
            @Bind("now") long now);

    @SqlQuery(SELECT + "WHERE c.uid_hash = :h")
    Optional<Row> byHash(@Bind("h") String uidHash);

    @SqlQuery(SELECT + "WHERE c.id = :id")
    Optional<Row> byId(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE c.account_id = :a ORDER BY c.id")
    List<Row> ofAccount(@Bind("a") long accountId);

    @SqlQuery(SELECT + "ORDER BY c.id LIMIT :limit OFFSET :offset")
    List<Row> page(@Bind("limit") int limit, @Bind("offset") long offset);

    @SqlUpdate("UPDATE chips SET blocked = :b WHERE id = :id")
    int setBlocked(@Bind("id") long id, @Bind("b") boolean blocked);

    @SqlUpdate("UPDATE chips SET per_charge_limit = :pc, per_day_limit = :pd WHERE id = :id")
    int setLimits(@Bind("id") long id, @Bind("pc") long perCharge, @Bind("pd") long perDay);

    @SqlUpdate("DELETE FROM chips WHERE id = :id")
    int delete(@Bind("id") long id);

    /**
     * Counts one charge into the chip's day and returns the day's new total. The first statement of
     * a chip charge's unit: on PostgreSQL it locks the chip's row, so two taps at once cannot both
     * pass the day's limit; a refusal after it rolls it back with the unit.
     */
    @SqlQuery("UPDATE chips SET spent_today = CASE WHEN spent_day = :day THEN spent_today + :amount ELSE :amount END, "
            + "spent_day = :day, last_used = :now WHERE id = :id RETURNING spent_today")
    Optional<Long> spend(
            @Bind("id") long id, @Bind("day") String day, @Bind("amount") long amount, @Bind("now") long now);
}
