package city.neotropolis.neobank.db;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.sql.ResultSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SQLite connections' settings as the running service has them. */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("SQLite's settings on the writer and the readers")
class WriterPragmasTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite();

    static String pragma(Database db, String name, boolean writer) throws Exception {
        if (writer) {
            return db.writer().write(s -> {
                try (ResultSet rs = s.prepare("PRAGMA " + name).executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        }
        return db.reads()
                .withHandle(
                        h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    @Test
    @DisplayName(
            "durable on both (WAL, synchronous FULL); the writer's savepoint journals in memory, the readers' sorts on disk")
    void pragmas() throws Exception {
        Database db = ((NeoBankApplication) APP.getApplication()).database();
        for (boolean writer : new boolean[] {true, false}) {
            assertThat(pragma(db, "journal_mode", writer)).isEqualToIgnoringCase("wal");
            assertThat(pragma(db, "synchronous", writer)).as("FULL").isEqualTo("2");
            assertThat(pragma(db, "foreign_keys", writer)).isEqualTo("1");
        }
        assertThat(pragma(db, "temp_store", true)).as("MEMORY").isEqualTo("2");
        assertThat(pragma(db, "temp_store", false)).as("the default").isEqualTo("0");
    }
}
