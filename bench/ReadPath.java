import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountDao;
import city.neotropolis.neobank.money.Credits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.apache.tomcat.jdbc.pool.DataSource;
import org.apache.tomcat.jdbc.pool.PoolProperties;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * What one account read costs on the service's read path, and what the same read costs with less
 * machinery, on one thread against a SQLite file through a tomcat-jdbc pool (as Dropwizard builds it):
 * A: {@code jdbi.withExtension(AccountDao.class, dao -> dao.byId(id))}, as AccountService.byId does
 * (SqlObject on demand + ConstructorMapper); B: {@code jdbi.withHandle} with a fluent query and a
 * hand-written RowMapper; D: B with the ConstructorMapper the DAO uses; C: plain JDBC on a pooled connection.
 *
 * <p>Run: {@code java -cp api/target/neobank.jar bench/ReadPath.java [seconds per variant=3]}.
 */
public final class ReadPath {
    static final String SQL = "SELECT " + AccountDao.COLUMNS + " FROM accounts WHERE id = ?";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("readpath");
        String url = "jdbc:sqlite:" + dir.resolve("r.db");
        PoolProperties p = new PoolProperties();
        p.setUrl(url);
        p.setDriverClassName("org.sqlite.JDBC");
        Properties props = new Properties();
        props.setProperty("journal_mode", "WAL");
        props.setProperty("synchronous", "FULL");
        props.setProperty("busy_timeout", "10000");
        props.setProperty("foreign_keys", "true");
        p.setDbProperties(props);
        p.setMaxActive(16);
        p.setInitialSize(2);
        p.setMinIdle(2);
        p.setValidationQuery("SELECT 1");
        p.setTestWhileIdle(true);
        DataSource ds = new DataSource(p);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY AUTOINCREMENT, account_number VARCHAR(16)"
                    + " NOT NULL UNIQUE, character_name VARCHAR(64) NOT NULL, name_key VARCHAR(64) NOT NULL UNIQUE,"
                    + " password_hash VARCHAR(80), faction VARCHAR(64) NOT NULL DEFAULT '', profile_picture"
                    + " VARCHAR(512) NOT NULL DEFAULT '', is_admin BOOLEAN NOT NULL DEFAULT FALSE, is_system BOOLEAN"
                    + " NOT NULL DEFAULT FALSE, frozen BOOLEAN NOT NULL DEFAULT FALSE, token_version INTEGER NOT NULL"
                    + " DEFAULT 0, free_spins INTEGER NOT NULL DEFAULT 0, balance BIGINT NOT NULL DEFAULT 0,"
                    + " created_at BIGINT NOT NULL, last_active_at BIGINT)");
            for (int i = 1; i <= 200; i++) {
                st.execute("INSERT INTO accounts (account_number, character_name, name_key, password_hash, created_at,"
                        + " balance) VALUES ('NC-" + String.format("%04d-%04d", i, i) + "', 'Player " + i + "', 'player "
                        + i + "', '$2a$10$abcdefghijklmnopqrstuv0123456789012345678901234567890', 0, 100000)");
            }
        }
        Jdbi jdbi = Jdbi.create(ds);
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerColumnMapper(Credits.class, (rs, col, ctx) -> new Credits(rs.getLong(col)));
        RowMapper<Account> mapper = (rs, ctx) -> account(rs);
        String named = "SELECT " + AccountDao.COLUMNS + " FROM accounts WHERE id = :id";

        LongFunction<Optional<Account>> a = id -> jdbi.withExtension(AccountDao.class, dao -> dao.byId(id));
        LongFunction<Optional<Account>> b = id -> jdbi.withHandle(h -> h.createQuery(named).bind("id", id)
                .map(mapper).findOne());
        jdbi.registerRowMapper(org.jdbi.v3.core.mapper.reflect.ConstructorMapper.factory(Account.class));
        LongFunction<Optional<Account>> d = id -> jdbi.withHandle(h -> h.createQuery(named).bind("id", id)
                .mapTo(Account.class).findOne());
        LongFunction<Optional<Account>> c = id -> {
            try (Connection con = ds.getConnection(); PreparedStatement ps = con.prepareStatement(SQL)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(account(rs)) : Optional.empty();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int round = 0; round < 2; round++) { // round 0 is warm-up
            report(round, "A jdbi.withExtension(AccountDao::byId) [service today]", a, seconds);
            report(round, "B jdbi.withHandle + fluent query + RowMapper", b, seconds);
            report(round, "D jdbi.withHandle + fluent query + ConstructorMapper", d, seconds);
            report(round, "C plain JDBC on a pooled connection", c, seconds);
        }
        ds.close();
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }

    static Account account(ResultSet rs) throws java.sql.SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getBoolean(7), rs.getBoolean(8), rs.getBoolean(9), rs.getInt(10),
                rs.getInt(11), new Credits(rs.getLong(12)), rs.getLong(13));
    }

    static void report(int round, String name, LongFunction<Optional<Account>> read, int seconds) {
        SplittableRandom rnd = new SplittableRandom(7);
        long n = 0;
        long cpu0 = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 100; i++) {
                if (read.apply(1 + rnd.nextInt(200)).isEmpty()) {
                    throw new IllegalStateException("missing row");
                }
            }
            n += 100;
        }
        long cpu = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpu0;
        double wall = (System.nanoTime() - t0) / 1e3 / n;
        if (round > 0) {
            System.out.printf("%-58s %7.1f us CPU/read  %7.1f us wall/read  (%d reads)%n", name, cpu / 1e3 / n, wall, n);
        }
    }
}
