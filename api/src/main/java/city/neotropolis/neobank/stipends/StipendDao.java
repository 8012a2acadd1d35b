package city.neotropolis.neobank.stipends;

import city.neotropolis.neobank.money.Credits;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Stipends, their listed accounts, and the record of each slot and payout. */
@RegisterRowMapper(Stipend.Mapper.class)
public interface StipendDao {

    /** Who a slot pays: an account, its number, and whether it is frozen right now. */
    record Recipient(long id, String accountNumber, boolean frozen) {}

    /** A processed slot as GMs read it. */
    record Slot(long stipendId, long slotAt, String status, int paidCount, Credits total, String skippedFrozen) {}

    @SqlQuery("SELECT " + Stipend.COLUMNS + " FROM stipends WHERE deleted = FALSE ORDER BY id")
    List<Stipend> listed();

    @SqlQuery("SELECT " + Stipend.COLUMNS + " FROM stipends WHERE deleted = FALSE AND paused = FALSE ORDER BY id")
    List<Stipend> running();

    @SqlQuery("SELECT " + Stipend.COLUMNS + " FROM stipends WHERE id = :id AND deleted = FALSE")
    Optional<Stipend> byId(@Bind("id") long id);

    @SqlQuery("INSERT INTO stipends (name, amount, recipients, faction, schedule, time_of_day, start_date, end_date, "
            + "once_at, catch_up, paused, deleted, active_from, created_by, created_at, updated_at) VALUES (:name, "
            + ":amount, :recipients, :faction, :schedule, :timeOfDay, :startDate, :endDate, :onceAt, :catchUp, FALSE, "
            + "FALSE, :activeFrom, :createdBy, :createdAt, :updatedAt) RETURNING id")
    long insert(@BindMethods Stipend s);

    @SqlUpdate("UPDATE stipends SET name = :name, amount = :amount, recipients = :recipients, faction = :faction, "
            + "schedule = :schedule, time_of_day = :timeOfDay, start_date = :startDate, end_date = :endDate, "
            + "once_at = :onceAt, catch_up = :catchUp, active_from = :activeFrom, updated_at = :updatedAt "
            + "WHERE id = :id AND deleted = FALSE")
    int update(@BindMethods Stipend s);

    @SqlUpdate("UPDATE stipends SET paused = :paused, active_from = CASE WHEN :paused THEN active_from ELSE :now END, "
            + "updated_at = :now WHERE id = :id AND deleted = FALSE")
    int setPaused(@Bind("id") long id, @Bind("paused") boolean paused, @Bind("now") long now);

    @SqlUpdate("UPDATE stipends SET deleted = TRUE, updated_at = :now WHERE id = :id AND deleted = FALSE")
    int delete(@Bind("id") long id, @Bind("now") long now);

    @SqlUpdate("DELETE FROM stipend_accounts WHERE stipend_id = :id")
    void clearAccounts(@Bind("id") long id);

    @SqlUpdate("INSERT INTO stipend_accounts (stipend_id, account_id) VALUES (:s, :a)")
    void addAccount(@Bind("s") long stipendId, @Bind("a") long accountId);

    @SqlQuery("SELECT a.account_number FROM stipend_accounts sa JOIN accounts a ON a.id = sa.account_id "
            + "WHERE sa.stipend_id = :id ORDER BY a.account_number")
    List<String> accountNumbers(@Bind("id") long stipendId);

    @SqlQuery("SELECT id FROM accounts WHERE is_system = FALSE AND account_number IN (<numbers>)")
    List<Long> accountIds(@BindList("numbers") List<String> numbers);

    @SqlQuery("SELECT id, account_number, frozen FROM accounts WHERE is_system = FALSE AND is_admin = FALSE "
            + "ORDER BY id")
    @RegisterConstructorMapper(Recipient.class)
    List<Recipient> everyPlayer();

    @SqlQuery("SELECT id, account_number, frozen FROM accounts WHERE is_system = FALSE AND faction = :f ORDER BY id")
    @RegisterConstructorMapper(Recipient.class)
    List<Recipient> faction(@Bind("f") String faction);

    @SqlQuery(
            "SELECT a.id, a.account_number, a.frozen FROM stipend_accounts sa JOIN accounts a ON a.id = sa.account_id "
                    + "WHERE sa.stipend_id = :id ORDER BY a.id")
    @RegisterConstructorMapper(Recipient.class)
    List<Recipient> listed(@Bind("id") long stipendId);

    @SqlQuery("SELECT slot_at FROM stipend_slots WHERE stipend_id = :id AND slot_at >= :from")
    List<Long> processedSince(@Bind("id") long stipendId, @Bind("from") long from);

    @SqlUpdate("INSERT INTO stipend_slots (stipend_id, slot_at, status, paid_count, total, skipped_frozen, "
            + "processed_at) VALUES (:id, :at, :status, 0, 0, '', :now)")
    void claimSlot(
            @Bind("id") long stipendId, @Bind("at") long slotAt, @Bind("status") String status, @Bind("now") long now);

    @SqlUpdate("UPDATE stipend_slots SET paid_count = :n, total = :total, skipped_frozen = :frozen "
            + "WHERE stipend_id = :id AND slot_at = :at")
    void settleSlot(
            @Bind("id") long stipendId,
            @Bind("at") long slotAt,
            @Bind("n") int paid,
            @Bind("total") Credits total,
            @Bind("frozen") String skippedFrozen);

    @SqlUpdate(
            "INSERT INTO stipend_payouts (stipend_id, slot_at, account_id, transaction_id) VALUES (:s, :at, :a, :tx)")
    void payout(@Bind("s") long stipendId, @Bind("at") long slotAt, @Bind("a") long accountId, @Bind("tx") long txId);

    @SqlQuery("SELECT stipend_id, slot_at, status, paid_count, total, skipped_frozen FROM stipend_slots "
            + "WHERE stipend_id = :id ORDER BY slot_at DESC LIMIT :n")
    @RegisterConstructorMapper(Slot.class)
    List<Slot> slots(@Bind("id") long stipendId, @Bind("n") int limit);
}
