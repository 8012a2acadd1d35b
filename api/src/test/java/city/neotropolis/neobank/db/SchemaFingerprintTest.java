package city.neotropolis.neobank.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.db.DataSourceFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The schema fingerprint that lets a start skip Liquibase")
class SchemaFingerprintTest {

    @Test
    @DisplayName("is the same for the same changelogs and matches only what was stored")
    void roundTrip(@TempDir Path dir) throws Exception {
        DataSourceFactory dsf = new DataSourceFactory();
        dsf.setUrl("jdbc:sqlite:" + dir.resolve("f.db"));
        String fingerprint = SchemaFingerprint.ofChangelogs();
        assertThat(fingerprint).hasSize(64).isEqualTo(SchemaFingerprint.ofChangelogs());
        assertThat(SchemaFingerprint.matches(dsf, fingerprint))
                .as("a new database has none")
                .isFalse();
        SchemaFingerprint.store(dsf, "0".repeat(64));
        assertThat(SchemaFingerprint.matches(dsf, fingerprint))
                .as("changelogs changed since")
                .isFalse();
        SchemaFingerprint.store(dsf, fingerprint);
        assertThat(SchemaFingerprint.matches(dsf, fingerprint)).isTrue();
    }
}
