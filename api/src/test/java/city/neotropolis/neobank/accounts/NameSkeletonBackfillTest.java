package city.neotropolis.neobank.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.migrations.CloseableLiquibaseWithClassPathMigrationsFile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** Migration 005 on a database that already has characters, look-alikes among them. */
@DisplayName("Migration 005 backfills name skeletons and merges faction spellings of existing characters")
class NameSkeletonBackfillTest {

    @Test
    @DisplayName("on SQLite")
    void sqlite() throws Exception {
        DataSourceFactory f = new DataSourceFactory();
        f.setDriverClass("org.sqlite.JDBC");
        f.setUrl("jdbc:sqlite:" + TestApp.tempDir().resolve("old.db"));
        backfills(f);
    }

    @Test
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    void postgres() throws Exception {
        DataSourceFactory f = new DataSourceFactory();
        f.setDriverClass("org.postgresql.Driver");
        f.setUrl(Postgres.freshDatabase());
        f.setUser(Postgres.USER);
        f.setPassword("");
        try {
            backfills(f);
        } finally {
            Postgres.drop(f.getUrl());
        }
    }

    static void backfills(DataSourceFactory f) throws Exception {
        ManagedDataSource ds = f.build(new MetricRegistry(), "before-005");
        try (CloseableLiquibaseWithClassPathMigrationsFile old =
                new CloseableLiquibaseWithClassPathMigrationsFile(ds, "migrations-before-005.xml")) {
            old.update("");
        }
        Map<String, String> names = new LinkedHashMap<>();
        names.put("NC-OLD0-0001", "Old Admin");
        names.put("NC-OLD0-0002", "\u041Eld Admin"); // Cyrillic О: a look-alike
        names.put("NC-OLD0-0003", "Zoë");
        String[] factions = {"chrome saints", "CHROME SAINTS", "Neon Jackals"};
        try (Connection c = DriverManager.getConnection(f.getUrl(), f.getUser(), f.getPassword());
                PreparedStatement ps = c.prepareStatement("INSERT INTO accounts (account_number, character_name, "
                        + "name_key, faction, created_at) VALUES (?, ?, ?, ?, 0)")) {
            int i = 0;
            for (var e : names.entrySet()) {
                ps.setString(1, e.getKey());
                ps.setString(2, e.getValue());
                ps.setString(3, CharacterNames.key(e.getValue()));
                ps.setString(4, factions[i++]);
                ps.executeUpdate();
            }
            c.createStatement()
                    .executeUpdate("INSERT INTO factions (name, name_key, created_at) "
                            + "VALUES ('Chrome Saints', 'chrome saints', 0)");
        }

        Database.migrate(f);

        try (Connection c = DriverManager.getConnection(f.getUrl(), f.getUser(), f.getPassword())) {
            assertThat(skeleton(c, "NC-OLD0-0001")).isEqualTo(CharacterNames.skeleton("Old Admin"));
            assertThat(skeleton(c, "NC-OLD0-0002"))
                    .as("the newer of two look-alikes keeps its name but no skeleton")
                    .isNull();
            assertThat(skeleton(c, "NC-OLD0-0003")).isEqualTo(CharacterNames.skeleton("Zoë"));
            try (ResultSet rs = c.createStatement()
                    .executeQuery("SELECT faction, COUNT(*) FROM accounts GROUP BY faction ORDER BY faction")) {
                Map<String, Integer> members = new LinkedHashMap<>();
                while (rs.next()) {
                    members.put(rs.getString(1), rs.getInt(2));
                }
                assertThat(members)
                        .as("one spelling per faction, memberships kept")
                        .containsExactly(Map.entry("Chrome Saints", 2), Map.entry("Neon Jackals", 1));
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT name, name_key FROM factions ORDER BY name")) {
                Map<String, String> keys = new LinkedHashMap<>();
                while (rs.next()) {
                    keys.put(rs.getString(1), rs.getString(2));
                }
                assertThat(keys)
                        .as("every faction an account named has its row, keyed by NFKC_Casefold")
                        .containsExactly(
                                Map.entry("Chrome Saints", "chrome saints"), Map.entry("Neon Jackals", "neon jackals"));
            }
            assertThatThrownBy(() -> c.createStatement()
                            .executeUpdate("INSERT INTO accounts (account_number, character_name, name_key, "
                                    + "name_skeleton, created_at) VALUES ('NC-OLD0-0004', 'OLD ADMlN', 'x', '"
                                    + CharacterNames.skeleton("Old Admin") + "', 0)"))
                    .as("the skeleton column is unique")
                    .isInstanceOf(SQLException.class);
        }
    }

    static String skeleton(Connection c, String number) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT name_skeleton FROM accounts WHERE account_number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }
}
