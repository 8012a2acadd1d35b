package city.neotropolis.neobank.external;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/** GMs issue keys to terminals, list them and revoke them; every change is audited. */
public final class ApiKeyService {
    public static final int DESCRIPTION_MAX = 200;
    public static final int DEFAULT_RATE_PER_MINUTE = 100;
    public static final int MAX_RATE_PER_MINUTE = 1_000_000;

    /** What a GM asks for; amounts in credits. */
    public record NewKey(
            String description,
            String accountNumber,
            List<String> scopes,
            Credits maxAmount,
            Integer rateLimitPerMinute) {}

    private final Database db;
    private final AccountDirectory directory;
    private final AuditLog audit;
    private final ApiKeyAuthenticator keys;
    private final Clock clock;
    private final Credits bankMaxAmount;

    public ApiKeyService(
            Database db,
            AccountDirectory directory,
            AuditLog audit,
            ApiKeyAuthenticator keys,
            Clock clock,
            Credits bankMaxAmount) {
        this.db = db;
        this.directory = directory;
        this.audit = audit;
        this.keys = keys;
        this.clock = clock;
        this.bankMaxAmount = bankMaxAmount;
    }

    public List<ApiKeyView> list() {
        return db.reads().withExtension(ApiKeyDao.class, ApiKeyDao::all).stream()
                .map(k -> ApiKeyView.of(k, newest(k.lastUsed(), keys.pendingLastUse(k.id())), null))
                .toList();
    }

    /** Creates a key for an account; the answer carries the key itself, which is never shown again. */
    public ApiKeyView create(Player gm, NewKey req) {
        Input.required(req, "request body");
        String description = Input.text(req.description(), "description", 1, DESCRIPTION_MAX);
        Input.required(req.accountNumber(), "account_number");
        AccountDirectory.Ref account = directory
                .find(AccountNumbers.normalize(req.accountNumber()))
                .filter(r -> !r.isSystem())
                .orElseThrow(() -> ApiException.badRequest("Account not found: " + req.accountNumber()));
        Set<ApiKeyScope> scopes = ApiKeyScope.parseAll(req.scopes());
        Credits max =
                req.maxAmount() == null ? null : Input.positiveAmount(req.maxAmount(), bankMaxAmount, "max_amount");
        int rate = Input.bounded(
                req.rateLimitPerMinute(), DEFAULT_RATE_PER_MINUTE, 1, MAX_RATE_PER_MINUTE, "rate_limit_per_minute");
        String raw = ApiKeySecrets.generate();
        String hash = ApiKeySecrets.hash(raw);
        ApiKey created = db.writer().write(s -> {
            ApiKeyDao dao = s.dao(ApiKeyDao.class);
            long id = dao.insert(
                    hash,
                    ApiKeySecrets.shown(raw),
                    description,
                    account.id(),
                    ApiKeyScope.join(scopes),
                    max == null ? null : max.hundredths(),
                    rate,
                    gm.characterName(),
                    clock.millis());
            audit.record(
                    s,
                    gm.characterName(),
                    "api_key.create",
                    "key:" + id,
                    "account " + account.accountNumber() + ", scopes "
                            + ApiKeyScope.join(scopes) + (max == null ? "" : ", max " + max) + ", " + rate + "/min: "
                            + description);
            return dao.byId(id).orElseThrow();
        });
        return ApiKeyView.of(created, null, raw);
    }

    /** Revokes a key; the next request that presents it is refused. Revoking twice is harmless. */
    public void revoke(Player gm, long id) {
        ApiKey key = db.writer().write(s -> {
            ApiKeyDao dao = s.dao(ApiKeyDao.class);
            ApiKey k = dao.byId(id).orElseThrow(() -> ApiException.notFound("API key not found"));
            int changed = dao.revoke(id);
            audit.record(
                    s,
                    gm.characterName(),
                    "api_key.revoke",
                    "key:" + id,
                    (changed == 0 ? "already revoked: " : "") + k.keyPrefix() + " " + k.description());
            return k;
        });
        keys.forget(key.keyHash());
    }

    private static Long newest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Math.max(a, b);
    }
}
