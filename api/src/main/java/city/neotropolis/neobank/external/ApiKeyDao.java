package city.neotropolis.neobank.external;

import city.neotropolis.neobank.money.Credits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for terminal keys. Used on read handles and inside write units alike. */
@RegisterRowMapper(ApiKeyDao.Mapper.class)
public interface ApiKeyDao {
    String SELECT = "SELECT k.id, k.key_hash, k.key_prefix, k.description, k.account_id, a.account_number, "
            + "k.scopes, k.max_amount, k.rate_limit_per_minute, k.is_active, k.created_by, k.created_at, "
            + "k.last_used FROM api_keys k LEFT JOIN accounts a ON a.id = k.account_id";

    /** One indexed lookup (key_hash is UNIQUE): the whole cost of recognising a key. */
    @SqlQuery(SELECT + " WHERE k.key_hash = :h")
    Optional<ApiKey> byHash(@Bind("h") String keyHash);

    @SqlQuery(SELECT + " WHERE k.id = :id")
    Optional<ApiKey> byId(@Bind("id") long id);

    @SqlQuery(SELECT + " ORDER BY k.id DESC")
    List<ApiKey> all();

    @SqlQuery("INSERT INTO api_keys (key_hash, key_prefix, description, account_id, scopes, max_amount, "
            + "rate_limit_per_minute, is_active, created_by, created_at) VALUES (:hash, :prefix, :description, "
            + ":account, :scopes, :max, :rate, TRUE, :by, :now) RETURNING id")
    long insert(
            @Bind("hash") String keyHash,
            @Bind("prefix") String prefix,
            @Bind("description") String description,
            @Bind("account") long accountId,
            @Bind("scopes") String scopes,
            @Bind("max") Long maxAmount,
            @Bind("rate") int ratePerMinute,
            @Bind("by") String createdBy,
            @Bind("now") long now);

    @SqlUpdate("UPDATE api_keys SET is_active = FALSE WHERE id = :id AND is_active = TRUE")
    int revoke(@Bind("id") long id);

    @SqlUpdate("UPDATE api_keys SET last_used = :at WHERE id = :id AND (last_used IS NULL OR last_used < :at)")
    int touch(@Bind("id") long id, @Bind("at") long at);

    /** Maps a row joined with its account's number. */
    final class Mapper implements RowMapper<ApiKey> {
        @Override
        public ApiKey map(ResultSet rs, StatementContext ctx) throws SQLException {
            long max = rs.getLong("max_amount");
            Credits maxAmount = rs.wasNull() ? null : new Credits(max);
            long account = rs.getLong("account_id");
            Long accountId = rs.wasNull() ? null : account;
            long used = rs.getLong("last_used");
            Long lastUsed = rs.wasNull() ? null : used;
            return new ApiKey(
                    rs.getLong("id"),
                    rs.getString("key_hash"),
                    rs.getString("key_prefix"),
                    rs.getString("description"),
                    accountId,
                    rs.getString("account_number"),
                    ApiKeyScope.split(rs.getString("scopes")),
                    maxAmount,
                    rs.getInt("rate_limit_per_minute"),
                    rs.getBoolean("is_active"),
                    rs.getString("created_by"),
                    rs.getLong("created_at"),
                    lastUsed);
        }
    }
}
