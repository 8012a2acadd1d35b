package city.neotropolis.neobank.db;

import io.dropwizard.db.DataSourceFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase costs over a second at every start even when there is nothing to do. The SHA-256 of
 * the changelog files, stored after each successful run, lets a start skip it when neither the
 * changelogs nor the database have changed since; any edit, new changeset or older database
 * (a restored backup) changes or lacks the stored value, and Liquibase runs as usual.
 */
final class SchemaFingerprint {
    private static final String MASTER = "migrations.xml";
    private static final Pattern INCLUDE = Pattern.compile("<include\\s+file=\"([^\"]+)\"");

    private SchemaFingerprint() {}

    /** The hash of the master changelog and every file it includes, in order. */
    static String ofChangelogs() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String master = read(MASTER);
            sha.update(master.getBytes(StandardCharsets.UTF_8));
            Matcher m = INCLUDE.matcher(master);
            while (m.find()) {
                sha.update(read(m.group(1)).getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when the database says it was migrated with exactly these changelogs. */
    static boolean matches(DataSourceFactory dsf, String fingerprint) {
        try (Connection c = connect(dsf);
                PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM schema_fingerprint WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && fingerprint.equals(rs.getString(1));
        } catch (SQLException noTableYet) {
            return false;
        }
    }

    static void store(DataSourceFactory dsf, String fingerprint) throws SQLException {
        try (Connection c = connect(dsf);
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_fingerprint (id INTEGER PRIMARY KEY, "
                    + "fingerprint VARCHAR(64) NOT NULL)");
            c.setAutoCommit(false);
            s.execute("DELETE FROM schema_fingerprint");
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO schema_fingerprint (id, fingerprint) VALUES (1, ?)")) {
                ps.setString(1, fingerprint);
                ps.executeUpdate();
            }
            c.commit();
        }
    }

    static Connection connect(DataSourceFactory dsf) throws SQLException {
        Properties props = new Properties();
        props.putAll(dsf.getProperties());
        if (dsf.getUser() != null && !dsf.getUser().isEmpty()) {
            props.setProperty("user", dsf.getUser());
        }
        if (dsf.getPassword() != null && !dsf.getPassword().isEmpty()) {
            props.setProperty("password", dsf.getPassword());
        }
        return DriverManager.getConnection(dsf.getUrl(), props);
    }

    private static String read(String resource) {
        try (InputStream in = SchemaFingerprint.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing changelog " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
