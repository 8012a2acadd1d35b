package city.neotropolis.neobank.leaderboards;

import city.neotropolis.neobank.money.Credits;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The boards' three queries, the GM switch and the players' opt-outs. */
public interface LeaderboardDao {

    record Win(String characterName, boolean optedOut, String game, Credits amount, long createdAt) {}

    record FactionTotal(String faction, int members, Credits totalBalance) {}

    record Sender(String characterName, boolean optedOut, Credits totalSent, int transfers) {}

    @SqlQuery(
            "SELECT a.character_name, (o.account_id IS NOT NULL) AS opted_out, t.memo AS game, t.amount, t.created_at "
                    + "FROM transactions t JOIN accounts a ON a.id = t.to_account_id "
                    + "LEFT JOIN leaderboard_opt_outs o ON o.account_id = a.id "
                    + "WHERE t.type = 'casino_win' ORDER BY t.amount DESC, t.id LIMIT :n")
    @RegisterConstructorMapper(Win.class)
    List<Win> biggestWins(@Bind("n") int limit);

    @SqlQuery(
            "SELECT faction, COUNT(*) AS members, COALESCE(SUM(balance), 0) AS total_balance FROM accounts "
                    + "WHERE is_system = FALSE AND faction <> '' GROUP BY faction ORDER BY total_balance DESC, faction LIMIT :n")
    @RegisterConstructorMapper(FactionTotal.class)
    List<FactionTotal> factionTotals(@Bind("n") int limit);

    @SqlQuery("SELECT a.character_name, (o.account_id IS NOT NULL) AS opted_out, s.total_sent, s.transfers FROM ("
            + "SELECT from_account_id, SUM(amount) AS total_sent, COUNT(*) AS transfers FROM transactions "
            + "WHERE type = 'transfer' GROUP BY from_account_id) s JOIN accounts a ON a.id = s.from_account_id "
            + "LEFT JOIN leaderboard_opt_outs o ON o.account_id = a.id WHERE a.is_system = FALSE "
            + "ORDER BY s.total_sent DESC, a.id LIMIT :n")
    @RegisterConstructorMapper(Sender.class)
    List<Sender> generousSenders(@Bind("n") int limit);

    @SqlQuery("SELECT value FROM economy_settings WHERE name = :name")
    Optional<String> setting(@Bind("name") String name);

    @SqlUpdate("DELETE FROM economy_settings WHERE name = :name")
    void clearSetting(@Bind("name") String name);

    @SqlUpdate("INSERT INTO economy_settings (name, value, updated_by, updated_at) VALUES (:name, :value, :by, :at)")
    void putSetting(@Bind("name") String name, @Bind("value") String value, @Bind("by") String by, @Bind("at") long at);

    @SqlQuery("SELECT COUNT(*) FROM leaderboard_opt_outs WHERE account_id = :id")
    int optedOut(@Bind("id") long accountId);

    @SqlUpdate("DELETE FROM leaderboard_opt_outs WHERE account_id = :id")
    void optIn(@Bind("id") long accountId);

    @SqlUpdate("INSERT INTO leaderboard_opt_outs (account_id, created_at) VALUES (:id, :at)")
    void optOut(@Bind("id") long accountId, @Bind("at") long at);
}
