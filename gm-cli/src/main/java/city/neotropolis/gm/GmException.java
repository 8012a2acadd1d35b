package city.neotropolis.gm;

/** A failure the console reports on stderr and turns into its exit code. */
public final class GmException extends RuntimeException {
    /** The server refused the request (4xx), or a check such as the ledger verification failed. */
    public static final int REFUSED = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** The service cannot be reached or failed (5xx). */
    public static final int UNAVAILABLE = 3;
    /** No session, or the server no longer accepts it. */
    public static final int NOT_LOGGED_IN = 4;

    private final int exitCode;

    public GmException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public GmException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static GmException usage(String message) {
        return new GmException(USAGE, message);
    }

    public static GmException refused(String message) {
        return new GmException(REFUSED, message);
    }
}
