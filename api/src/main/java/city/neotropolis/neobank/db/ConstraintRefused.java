package city.neotropolis.neobank.db;

import com.google.common.base.Throwables;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The database refused a write because it breaks one of the schema's rules (a unique key, a
 * foreign key, NOT NULL, CHECK, a column's length): nothing of the unit was written, and trying
 * again unchanged will not help. Both databases' ways of saying so (PostgreSQL SQLState class 23
 * and 22001, SQLite's SQLITE_CONSTRAINT codes) end up as this one exception, so the two answer the
 * same; the web layer turns it into a 4xx. The original failure stays attached as the cause.
 */
public final class ConstraintRefused extends RuntimeException {

    /** Which kind of rule was broken. */
    public enum Kind {
        UNIQUE,
        FOREIGN_KEY,
        NOT_NULL,
        CHECK,
        TOO_LONG,
        OTHER
    }

    private static final Pattern PG_KEY = Pattern.compile("Key \\(([^)]+)\\)");
    private static final Pattern SQLITE_COLUMNS = Pattern.compile("constraint failed: ([^)\\]]+)");

    private final Kind kind;
    private final List<String> columns;

    private ConstraintRefused(Kind kind, List<String> columns, Throwable cause) {
        super("constraint " + kind + " " + columns, cause, false, false);
        this.kind = kind;
        this.columns = columns;
    }

    public Kind kind() {
        return kind;
    }

    /** The columns the rule covers, as far as the database said (without table names); may be empty. */
    public List<String> columns() {
        return columns;
    }

    /** The ConstraintRefused that {@code e} is or means, if it is one. */
    public static Optional<ConstraintRefused> of(Throwable e) {
        for (Throwable c : Throwables.getCausalChain(e)) {
            if (c instanceof ConstraintRefused r) {
                return Optional.of(r);
            }
            if (c instanceof SQLiteException s) {
                return sqlite(s, e);
            }
            if (c instanceof PSQLException p) {
                return postgres(p, e);
            }
        }
        return Optional.empty();
    }

    /** {@code e} itself, or the ConstraintRefused it stands for. */
    public static Throwable translate(Throwable e) {
        return of(e).<Throwable>map(r -> r).orElse(e);
    }

    private static Optional<ConstraintRefused> sqlite(SQLiteException s, Throwable whole) {
        SQLiteErrorCode code = s.getResultCode();
        if ((code.code & 0xff) != SQLiteErrorCode.SQLITE_CONSTRAINT.code
                || code == SQLiteErrorCode.SQLITE_CONSTRAINT_TRIGGER) {
            // A trigger's RAISE(ABORT) is code's own refusal, not a schema rule the input broke; on
            // PostgreSQL a trigger's exception (P0001) is not class 23 either, so both stay a 5xx.
            return Optional.empty();
        }
        Kind kind = switch (code) {
            case SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY -> Kind.UNIQUE;
            case SQLITE_CONSTRAINT_FOREIGNKEY -> Kind.FOREIGN_KEY;
            case SQLITE_CONSTRAINT_NOTNULL -> Kind.NOT_NULL;
            case SQLITE_CONSTRAINT_CHECK -> Kind.CHECK;
            default -> Kind.OTHER;
        };
        List<String> columns = List.of();
        Matcher m = SQLITE_COLUMNS.matcher(String.valueOf(s.getMessage()));
        if (m.find()) {
            columns = Arrays.stream(m.group(1).split(","))
                    .map(String::trim)
                    .map(c -> c.substring(c.indexOf('.') + 1))
                    .toList();
        }
        return Optional.of(new ConstraintRefused(kind, columns, whole));
    }

    private static Optional<ConstraintRefused> postgres(SQLException p, Throwable whole) {
        String state = String.valueOf(p.getSQLState());
        Kind kind = switch (state) {
            case "23505" -> Kind.UNIQUE;
            case "23503" -> Kind.FOREIGN_KEY;
            case "23502" -> Kind.NOT_NULL;
            case "23514" -> Kind.CHECK;
            case "22001" -> Kind.TOO_LONG;
            default -> state.startsWith("23") ? Kind.OTHER : null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        List<String> columns = List.of();
        ServerErrorMessage server = p instanceof PSQLException ps ? ps.getServerErrorMessage() : null;
        if (server != null) {
            Matcher m = PG_KEY.matcher(String.valueOf(server.getDetail()));
            if (m.find()) {
                columns = Arrays.stream(m.group(1).split(","))
                        .map(c -> c.trim().toLowerCase(Locale.ROOT))
                        .toList();
            } else if (server.getColumn() != null) {
                columns = List.of(server.getColumn());
            }
        }
        return Optional.of(new ConstraintRefused(kind, columns, whole));
    }
}
