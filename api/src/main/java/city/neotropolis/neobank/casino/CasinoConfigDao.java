package city.neotropolis.neobank.casino;

import city.neotropolis.neobank.money.Credits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for the GM's switches per game (the per-spin read is {@link CasinoConfigService#read}). */
@RegisterRowMapper(CasinoConfigDao.Mapper.class)
public interface CasinoConfigDao {
    String COLUMNS = "game_name, is_enabled, payout_percentage, min_bet, max_bet, updated_at";

    @SqlQuery("SELECT " + COLUMNS + " FROM casino_config WHERE game_name = :g")
    Optional<GameConfig> byName(@Bind("g") String game);

    @SqlUpdate("UPDATE casino_config SET is_enabled = :enabled, payout_percentage = :payout, min_bet = :min, "
            + "max_bet = :max, updated_at = :at WHERE game_name = :g")
    int update(
            @Bind("g") String game,
            @Bind("enabled") boolean enabled,
            @Bind("payout") int payout,
            @Bind("min") Credits minBet,
            @Bind("max") Credits maxBet,
            @Bind("at") long updatedAt);

    /** Maps {@link #COLUMNS} by position. */
    final class Mapper implements RowMapper<GameConfig> {
        @Override
        public GameConfig map(ResultSet rs, StatementContext ctx) throws SQLException {
            return CasinoConfigService.map(rs);
        }
    }
}
