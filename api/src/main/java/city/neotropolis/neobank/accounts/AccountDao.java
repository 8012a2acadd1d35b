package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.db.Database;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for accounts (their journal is the ledger's: JournalDao). Used on read handles and inside write units alike. */
@RegisterRowMapper(AccountRowMapper.class)
public interface AccountDao {
    String COLUMNS = "id, account_number, character_name, password_hash, faction, profile_picture, is_admin, "
            + "is_system, frozen, token_version, free_spins, balance, created_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE id = :id")
    Optional<Account> byId(@Bind("id") long id);

    String BY_ID = "SELECT " + COLUMNS + " FROM accounts WHERE id = ?";
    AccountRowMapper MAPPER = new AccountRowMapper();

    /** The same read in plain JDBC: for paths taken on every request (Database.readOne says why). */
    static Optional<Account> findById(Database db, long id) {
        return db.readOne(BY_ID, ps -> ps.setLong(1, id), MAPPER);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE account_number = :n")
    Optional<Account> byNumber(@Bind("n") String accountNumber);

    @SqlQuery("SELECT " + COLUMNS + " FROM accounts WHERE name_key = :k")
    Optional<Account> byNameKey(@Bind("k") String nameKey);

    /** The character whose name looks like this one (same UTS #39 skeleton), if any. */
    @SqlQuery("SELECT character_name FROM accounts WHERE name_skeleton = :s")
    Optional<String> nameWithSkeleton(@Bind("s") String skeleton);

    @SqlQuery("SELECT COUNT(*) FROM accounts WHERE account_number = :n")
    int countNumber(@Bind("n") String accountNumber);

    @SqlQuery("SELECT COUNT(*) FROM accounts WHERE is_admin = TRUE")
    int countAdmins();

    @SqlQuery("INSERT INTO accounts (account_number, character_name, name_key, name_skeleton, password_hash, "
            + "faction, is_admin, is_system, created_at) "
            + "VALUES (:number, :name, :key, :skeleton, :hash, :faction, :admin, :system, :now) RETURNING id")
    long insert(
            @Bind("number") String number,
            @Bind("name") String name,
            @Bind("key") String nameKey,
            @Bind("skeleton") String nameSkeleton,
            @Bind("hash") String passwordHash,
            @Bind("faction") String faction,
            @Bind("admin") boolean admin,
            @Bind("system") boolean system,
            @Bind("now") long now);

    @SqlUpdate("UPDATE accounts SET faction = COALESCE(:faction, faction), "
            + "profile_picture = COALESCE(:picture, profile_picture) WHERE id = :id")
    int updateProfile(@Bind("id") long id, @Bind("faction") String faction, @Bind("picture") String picture);

    /** A player's request to join a faction ("" none); a GM confirms it with {@link #setFaction}. */
    @SqlUpdate("UPDATE accounts SET faction_request = :r WHERE id = :id")
    int setFactionRequest(@Bind("id") long id, @Bind("r") String factionRequest);

    /** A GM's decision: the faction (its one spelling, "" none); any pending request is settled. */
    @SqlUpdate("UPDATE accounts SET faction = :f, faction_request = '' WHERE id = :id")
    int setFaction(@Bind("id") long id, @Bind("f") String faction);

    @SqlQuery("SELECT faction_request FROM accounts WHERE id = :id")
    Optional<String> factionRequest(@Bind("id") long id);

    /** A new password also retires every token issued before it. */
    @SqlUpdate("UPDATE accounts SET password_hash = :hash, token_version = token_version + 1 WHERE id = :id")
    int updatePassword(@Bind("id") long id, @Bind("hash") String passwordHash);
}
