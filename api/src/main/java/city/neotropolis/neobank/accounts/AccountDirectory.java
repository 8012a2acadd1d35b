package city.neotropolis.neobank.accounts;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Account number to account id. Both never change once given, so the answer is cached for good
 * (unknown numbers are not cached: the account may be created a moment later).
 */
public final class AccountDirectory {

    /** What a sender needs to know about a recipient before posting. */
    public record Ref(long id, String accountNumber, boolean isSystem) {}

    private final Jdbi reads;
    private final Cache<String, Ref> cache =
            Caffeine.newBuilder().maximumSize(100_000).build();

    public AccountDirectory(Jdbi reads) {
        this.reads = reads;
    }

    /** The account with this (already normalised) number, if there is one. */
    public Optional<Ref> find(String accountNumber) {
        if (accountNumber == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.get(
                accountNumber,
                n -> reads.withExtension(AccountDao.class, dao -> dao.byNumber(n))
                        .map(a -> new Ref(a.id(), a.accountNumber(), a.isSystem()))
                        .orElse(null)));
    }
}
