package city.neotropolis.neobank.casino;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for players' provably-fair seeds (the per-spin nonce claim is {@link Fairness#claim}). */
@RegisterRowMapper(FairnessDao.Mapper.class)
public interface FairnessDao {
    String SEEDS = "server_seed, server_seed_hash, client_seed, nonce";

    @SqlQuery("SELECT " + SEEDS + " FROM casino_fairness WHERE account_id = :a")
    Optional<Fairness.Seeds> current(@Bind("a") long accountId);

    @SqlUpdate("INSERT INTO casino_fairness (account_id, server_seed, server_seed_hash, client_seed, nonce, "
            + "created_at) VALUES (:a, :seed, :hash, :client, 0, :now) ON CONFLICT (account_id) DO NOTHING")
    int create(
            @Bind("a") long accountId,
            @Bind("seed") String serverSeed,
            @Bind("hash") String serverSeedHash,
            @Bind("client") String clientSeed,
            @Bind("now") long now);

    /** The seeds with the player's row locked for the rest of the unit. */
    @SqlQuery("UPDATE casino_fairness SET nonce = nonce WHERE account_id = :a RETURNING " + SEEDS)
    Optional<Fairness.Seeds> lock(@Bind("a") long accountId);

    @SqlUpdate("UPDATE casino_fairness SET client_seed = :client WHERE account_id = :a")
    int setClientSeed(@Bind("a") long accountId, @Bind("client") String clientSeed);

    @SqlUpdate("UPDATE casino_fairness SET server_seed = :seed, server_seed_hash = :hash, nonce = 0, "
            + "created_at = :now WHERE account_id = :a")
    int replace(
            @Bind("a") long accountId,
            @Bind("seed") String serverSeed,
            @Bind("hash") String serverSeedHash,
            @Bind("now") long now);

    @SqlUpdate("INSERT INTO casino_revealed_seeds (server_seed_hash, server_seed, account_id, revealed_at) "
            + "VALUES (:hash, :seed, :a, :now)")
    int reveal(
            @Bind("a") long accountId,
            @Bind("seed") String serverSeed,
            @Bind("hash") String serverSeedHash,
            @Bind("now") long now);

    /** Maps {@link #SEEDS} by position. */
    final class Mapper implements RowMapper<Fairness.Seeds> {
        @Override
        public Fairness.Seeds map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Fairness.Seeds(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4));
        }
    }
}
