package city.neotropolis.neobank.db;

/**
 * The database cannot take this unit of writing right now (overloaded, shutting down, a failed
 * commit, a deadlock that kept recurring): nothing of it was written, and the caller may try again.
 * The web layer answers it as 503; the database layer itself knows nothing of HTTP.
 */
public final class DatabaseUnavailable extends RuntimeException {
    public DatabaseUnavailable(String message) {
        super(message, null, false, false);
    }
}
