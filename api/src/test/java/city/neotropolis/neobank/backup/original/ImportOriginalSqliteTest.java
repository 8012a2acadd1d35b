package city.neotropolis.neobank.backup.original;

import city.neotropolis.neobank.support.TestApp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Importing the original NeoBank's SQLite file into NeoBank on SQLite")
class ImportOriginalSqliteTest extends ImportedBankChecks {
    final Path dir = TestApp.tempDir();

    @Override
    String buildOriginal() throws Exception {
        Path file = dir.resolve("neobank-original.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            OriginalFixture.build(c, false);
        }
        return file.toString();
    }

    @Override
    Map<String, String> target() {
        return overrides("jdbc:sqlite:" + dir.resolve("neobank.db"), null);
    }

    @Override
    Connection targetConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("neobank.db"));
    }

    @Override
    String secondImportRefusal() {
        return "The service is running on .*neobank.db: stop it, then import";
    }
}
