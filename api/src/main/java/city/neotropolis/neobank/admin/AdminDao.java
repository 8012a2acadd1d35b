package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountDao;
import city.neotropolis.neobank.accounts.AccountRowMapper;
import city.neotropolis.neobank.money.Credits;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL behind the GM routes. Used on read handles and inside write units alike (no @Transaction here). */
@RegisterRowMapper(AccountRowMapper.class)
public interface AdminDao {

    /** A faction: its members' count and money, and its description when a GM created it. */
    record FactionTotal(String faction, long userCount, Credits totalBalance, String description) {}

    String PLAYERS = " FROM accounts WHERE is_system = FALSE";
    String FACTIONS = "SELECT f.name AS faction, COUNT(a.id) AS user_count, COALESCE(SUM(a.balance), 0) AS total, "
            + "COALESCE(MAX(d.description), '') AS description FROM ("
            + "SELECT name FROM factions UNION SELECT faction FROM accounts WHERE is_system = FALSE AND faction <> ''"
            + ") f LEFT JOIN accounts a ON a.faction = f.name AND a.is_system = FALSE "
            + "LEFT JOIN factions d ON d.name = f.name GROUP BY f.name ORDER BY f.name";

    @SqlQuery("SELECT " + AccountDao.COLUMNS + PLAYERS + " AND (name_key LIKE :name ESCAPE '!' "
            + "OR account_number LIKE :number ESCAPE '!') ORDER BY character_name, id LIMIT :n")
    List<Account> search(@Bind("name") String namePattern, @Bind("number") String numberPattern, @Bind("n") int limit);

    @SqlQuery("SELECT " + AccountDao.COLUMNS + PLAYERS + " ORDER BY id")
    List<Account> allPlayers();

    @SqlQuery(FACTIONS)
    @RegisterRowMapper(FactionMapper.class)
    List<FactionTotal> factions();

    @SqlQuery("SELECT COUNT(*) FROM factions WHERE name_key = :k")
    int countFactionKey(@Bind("k") String nameKey);

    @SqlUpdate("INSERT INTO factions (name, name_key, description, created_by, created_at) "
            + "VALUES (:name, :key, :description, :by, :now)")
    int insertFaction(
            @Bind("name") String name,
            @Bind("key") String nameKey,
            @Bind("description") String description,
            @Bind("by") String createdBy,
            @Bind("now") long now);

    /** A player's pending request to join a faction. */
    record FactionRequest(String accountNumber, String characterName, String faction, String requested) {}

    @SqlQuery("SELECT account_number, character_name, faction, faction_request" + PLAYERS
            + " AND faction_request <> '' ORDER BY id LIMIT 500")
    @RegisterRowMapper(RequestMapper.class)
    List<FactionRequest> factionRequests();

    @SqlQuery("SELECT id" + PLAYERS + " AND faction = :f ORDER BY id")
    List<Long> factionMembers(@Bind("f") String faction);

    /** Freezing also retires every token at once, on every replica. */
    @SqlUpdate("UPDATE accounts SET frozen = :frozen, token_version = token_version + 1 WHERE id = :id")
    int setFrozen(@Bind("id") long accountId, @Bind("frozen") boolean frozen);

    @SqlUpdate("UPDATE accounts SET is_admin = :admin, token_version = token_version + :bump WHERE id = :id")
    int setAdmin(@Bind("id") long accountId, @Bind("admin") boolean admin, @Bind("bump") int tokenBump);

    /** For the "active players" figure: see ActivityFilter. */
    @SqlUpdate("UPDATE accounts SET last_active_at = :at WHERE id = :id")
    int markActive(@Bind("id") long accountId, @Bind("at") long at);

    @SqlQuery("SELECT " + AccountDao.COLUMNS + " FROM accounts WHERE id = :id")
    Optional<Account> byId(@Bind("id") long id);

    /** Maps pending faction requests. */
    final class RequestMapper implements org.jdbi.v3.core.mapper.RowMapper<FactionRequest> {
        @Override
        public FactionRequest map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            return new FactionRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
        }
    }

    /** Maps faction totals. */
    final class FactionMapper implements org.jdbi.v3.core.mapper.RowMapper<FactionTotal> {
        @Override
        public FactionTotal map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            return new FactionTotal(rs.getString(1), rs.getLong(2), new Credits(rs.getLong(3)), rs.getString(4));
        }
    }
}
