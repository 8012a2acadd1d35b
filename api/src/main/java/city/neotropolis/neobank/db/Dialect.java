package city.neotropolis.neobank.db;

/** The two databases the service runs on; chosen by the JDBC URL alone. */
public enum Dialect {
    SQLITE,
    POSTGRESQL;

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "Unsupported database URL (use jdbc:sqlite: or jdbc:postgresql:): " + jdbcUrl);
    }

    public String driverClass() {
        return this == SQLITE ? "org.sqlite.JDBC" : "org.postgresql.Driver";
    }
}
