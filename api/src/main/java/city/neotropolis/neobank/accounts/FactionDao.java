package city.neotropolis.neobank.accounts;

import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The factions table as membership needs it: a faction's one spelling by its key. Accounts name
 * their faction by that spelling, so a faction never shows twice.
 */
public interface FactionDao {

    @SqlQuery("SELECT name FROM factions WHERE name_key = :k")
    Optional<String> nameByKey(@Bind("k") String key);

    @SqlUpdate("INSERT INTO factions (name, name_key, description, created_by, created_at) "
            + "VALUES (:name, :key, :description, :by, :now)")
    int insert(
            @Bind("name") String name,
            @Bind("key") String key,
            @Bind("description") String description,
            @Bind("by") String createdBy,
            @Bind("now") long now);

    /** The faction's spelling, creating the faction when none has this key yet. */
    default String canonical(String cleanName, String createdBy, long now) {
        String key = FactionNames.key(cleanName);
        return nameByKey(key).orElseGet(() -> {
            insert(cleanName, key, "", createdBy, now);
            return cleanName;
        });
    }
}
