package city.neotropolis.neobank.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import city.neotropolis.neobank.support.Postgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/** Both databases' refusals of a write that breaks a schema rule become the same ConstraintRefused. */
@DisplayName("A broken schema rule is recognised the same way on SQLite and PostgreSQL")
class ConstraintRefusedTest {
    static final String SCHEMA = "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
            + "CREATE TABLE t (id INTEGER PRIMARY KEY, name_key VARCHAR(8) NOT NULL UNIQUE,"
            + " qty INTEGER CHECK (qty >= 0), parent_id INTEGER REFERENCES parent(id));"
            + "INSERT INTO parent (id) VALUES (1);"
            + "INSERT INTO t (id, name_key, qty) VALUES (1, 'taken', 1)";

    static ConstraintRefused refusal(Connection c, String sql) {
        Throwable e = catchThrowable(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        });
        assertThat(e).as(sql).isInstanceOf(SQLException.class);
        // As the writers see it: wrapped by JDBI or a future, the cause chain still says what it was.
        RuntimeException wrapped = new RuntimeException("wrapped", e);
        assertThat(ConstraintRefused.translate(wrapped)).isInstanceOf(ConstraintRefused.class);
        return ConstraintRefused.of(wrapped).orElseThrow();
    }

    static void schema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : SCHEMA.split(";")) {
                s.execute(sql);
            }
        }
    }

    abstract static class Rules {
        abstract Connection connection() throws SQLException;

        @Test
        @DisplayName("a taken unique key is UNIQUE, naming its column")
        void unique() throws SQLException {
            try (Connection c = connection()) {
                ConstraintRefused r = refusal(c, "INSERT INTO t (id, name_key, qty) VALUES (2, 'taken', 1)");
                assertThat(r.kind()).isEqualTo(ConstraintRefused.Kind.UNIQUE);
                assertThat(r.columns()).containsExactly("name_key");
                assertThat(r.getCause()).as("the original failure is kept").isNotNull();
            }
        }

        @Test
        @DisplayName("a missing required value is NOT_NULL")
        void notNull() throws SQLException {
            try (Connection c = connection()) {
                ConstraintRefused r = refusal(c, "INSERT INTO t (id, name_key, qty) VALUES (3, NULL, 1)");
                assertThat(r.kind()).isEqualTo(ConstraintRefused.Kind.NOT_NULL);
            }
        }

        @Test
        @DisplayName("a failed CHECK is CHECK")
        void check() throws SQLException {
            try (Connection c = connection()) {
                ConstraintRefused r = refusal(c, "INSERT INTO t (id, name_key, qty) VALUES (4, 'neg', -1)");
                assertThat(r.kind()).isEqualTo(ConstraintRefused.Kind.CHECK);
            }
        }

        @Test
        @DisplayName("a reference to nothing is FOREIGN_KEY")
        void foreignKey() throws SQLException {
            try (Connection c = connection()) {
                ConstraintRefused r =
                        refusal(c, "INSERT INTO t (id, name_key, qty, parent_id) VALUES (5, 'orphan', 1, 99)");
                assertThat(r.kind()).isEqualTo(ConstraintRefused.Kind.FOREIGN_KEY);
            }
        }

        @Test
        @DisplayName("other failures are not mistaken for a broken rule")
        void otherFailures() throws SQLException {
            try (Connection c = connection()) {
                Throwable e = catchThrowable(() -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("SELECT * FROM no_such_table");
                    }
                });
                assertThat(ConstraintRefused.of(e)).isEmpty();
                assertThat(ConstraintRefused.translate(e)).isSameAs(e);
            }
        }
    }

    @Nested
    @DisplayName("on SQLite")
    class OnSqlite extends Rules {
        @TempDir
        Path dir;

        @Override
        Connection connection() throws SQLException {
            Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("rules.db") + "?foreign_keys=true");
            schema(c);
            return c;
        }
    }

    @Nested
    @DisplayName("on PostgreSQL")
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    class OnPostgres extends Rules {
        String url;

        @Override
        Connection connection() throws SQLException {
            url = Postgres.freshDatabase();
            Connection c = DriverManager.getConnection(url, Postgres.USER, "");
            schema(c);
            return c;
        }

        @AfterEach
        void drop() {
            if (url != null) {
                Postgres.drop(url);
            }
        }

        @Test
        @DisplayName("a value longer than its column is TOO_LONG (SQLite keeps it)")
        void tooLong() throws SQLException {
            try (Connection c = connection()) {
                ConstraintRefused r =
                        refusal(c, "INSERT INTO t (id, name_key, qty) VALUES (6, 'much-too-long-a-key', 1)");
                assertThat(r.kind()).isEqualTo(ConstraintRefused.Kind.TOO_LONG);
            }
        }
    }
}
