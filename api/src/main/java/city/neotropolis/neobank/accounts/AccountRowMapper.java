package city.neotropolis.neobank.accounts;

import city.neotropolis.neobank.money.Credits;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Maps {@link AccountDao#COLUMNS} to an {@link Account} by position. Written by hand because every
 * authenticated request may load an account: JDBI's reflective constructor mapper cost about three
 * times as much CPU per read (bench/ReadPath.java).
 */
public final class AccountRowMapper implements RowMapper<Account> {
    @Override
    public Account map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Account(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getBoolean(7),
                rs.getBoolean(8),
                rs.getBoolean(9),
                rs.getInt(10),
                rs.getInt(11),
                new Credits(rs.getLong(12)),
                rs.getLong(13));
    }
}
