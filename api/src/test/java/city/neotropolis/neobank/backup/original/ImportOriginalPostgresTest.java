package city.neotropolis.neobank.backup.original;

import city.neotropolis.neobank.support.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;

@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Importing the original NeoBank's PostgreSQL database into NeoBank on PostgreSQL")
class ImportOriginalPostgresTest extends ImportedBankChecks {
    String originalUrl;
    String targetUrl;

    @Override
    String buildOriginal() throws Exception {
        originalUrl = Postgres.freshDatabase();
        targetUrl = Postgres.freshDatabase();
        try (Connection c = DriverManager.getConnection(originalUrl, Postgres.USER, "")) {
            OriginalFixture.build(c, true);
        }
        return originalUrl;
    }

    @Override
    String[] sourceArgs(String... first) {
        String[] all = java.util.Arrays.copyOf(first, first.length + 3);
        all[first.length] = "--source-user";
        all[first.length + 1] = Postgres.USER;
        all[first.length + 2] = source;
        return all;
    }

    @Override
    Map<String, String> target() {
        return overrides(targetUrl, Postgres.USER);
    }

    @Override
    Connection targetConnection() throws SQLException {
        return DriverManager.getConnection(targetUrl, Postgres.USER, "");
    }

    @Override
    String secondImportRefusal() {
        return "Refusing to import: the target database already has 5 characters";
    }

    @Override
    void cleanUp() throws Exception {
        String admin = targetUrl.substring(0, targetUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = DriverManager.getConnection(admin, Postgres.USER, "");
                Statement s = c.createStatement()) {
            for (String url : new String[] {originalUrl, targetUrl}) {
                if (url != null) {
                    s.execute("DROP DATABASE IF EXISTS " + url.substring(url.lastIndexOf('/') + 1) + " WITH (FORCE)");
                }
            }
        }
    }
}
