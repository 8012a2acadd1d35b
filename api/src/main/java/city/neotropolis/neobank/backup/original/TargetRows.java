package city.neotropolis.neobank.backup.original;

import city.neotropolis.neobank.money.Credits;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/** The rows of our schema that the import writes besides the journal: accounts, keys, audit, casino switches. */
final class TargetRows {
    /**
     * The scopes a key can hold, as {@code external.ApiKeyScope} stores them (a test keeps the two
     * lists equal: features do not reach into each other).
     */
    static final List<String> KNOWN_SCOPES = List.of("balance:read", "charge", "payout", "transfer:any", "chip:enrol");
    /** The original's keys read any balance and moved credits between any two accounts. */
    static final List<String> ORIGINAL_SCOPES = List.of("balance:read", "transfer:any");

    private static final Pattern ORIGINAL_KEY = Pattern.compile("[A-Za-z0-9_-]{43}");

    private TargetRows() {}

    /** Creates every planned account; returns the original user id → our account id. */
    static Map<Long, Long> insertAccounts(Handle h, AccountPlan plan, ImportReport report) {
        long freeSpinBet = h.createQuery("SELECT min_bet FROM casino_config WHERE game_name = 'starlight_smuggler'")
                .mapTo(Long.class)
                .findOne()
                .orElse(500L);
        Map<Long, Long> ids = new HashMap<>();
        for (AccountPlan.Planned p : plan.systemFirst()) {
            Long bet = null;
            if (p.freeSpins() > 0) {
                bet = freeSpinBet;
                report.change("'" + p.name() + "' keeps " + p.freeSpins() + " free spins, paid at "
                        + new Credits(bet)
                        + " per line (the original kept no bet for them)");
            }
            long created = p.source() == null ? 0 : p.source().createdAt();
            long id = h.createQuery("INSERT INTO accounts (account_number, character_name, name_key, password_hash, "
                            + "faction, profile_picture, is_admin, is_system, free_spins, free_spin_bet, created_at) "
                            + "VALUES (:number, :name, :key, :hash, :faction, :picture, :admin, :system, :spins, "
                            + ":bet, :created) RETURNING id")
                    .bind("number", p.number())
                    .bind("name", p.name())
                    .bind("key", p.nameKey())
                    .bind("hash", p.passwordHash())
                    .bind("faction", p.faction())
                    .bind("picture", p.picture())
                    .bind("admin", p.admin())
                    .bind("system", p.system())
                    .bind("spins", p.freeSpins())
                    .bind("bet", bet)
                    .bind("created", created)
                    .mapTo(Long.class)
                    .one();
            if (p.source() != null) {
                ids.put(p.source().id(), id);
            }
        }
        if (plan.players.stream().noneMatch(AccountPlan.Planned::admin)) {
            report.change("no GM among the characters: the service creates GM 'admin' at its first start");
        }
        return ids;
    }

    static long idOf(Handle h, String number) {
        return h.createQuery("SELECT id FROM accounts WHERE account_number = :n")
                .bind("n", number)
                .mapTo(Long.class)
                .one();
    }

    /** The original's terminal keys, stored as their SHA-256 only; returns how many were imported. */
    static int insertKeys(
            Handle h,
            OriginalDatabase.Contents src,
            Map<Long, Long> ids,
            AccountPlan plan,
            OriginalImport.Options options,
            ImportReport report) {
        Long account = null;
        if (options.keyAccount() != null) {
            String wanted = options.keyAccount().trim().toUpperCase(Locale.ROOT);
            account = h.createQuery("SELECT id FROM accounts WHERE UPPER(account_number) = :n")
                    .bind("n", wanted)
                    .mapTo(Long.class)
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("--key-account " + options.keyAccount()
                            + " is not one of the imported accounts; nothing was written"));
        }
        List<String> scopes = options.keyScopes() == null || options.keyScopes().isEmpty()
                ? ORIGINAL_SCOPES
                : options.keyScopes().stream().map(String::trim).toList();
        for (String s : scopes) {
            if (!KNOWN_SCOPES.contains(s)) {
                throw new IllegalArgumentException("--key-scopes: unknown scope '" + s + "' (known: "
                        + String.join(", ", KNOWN_SCOPES) + "); nothing was written");
            }
        }
        String joined =
                String.join(",", KNOWN_SCOPES.stream().filter(scopes::contains).toList());
        int n = 0;
        for (OriginalDatabase.Key k : src.keys()) {
            String value = k.value() == null ? "" : k.value().trim();
            if (!ORIGINAL_KEY.matcher(value).matches()) {
                report.change("API key #" + k.id() + " ('" + k.description() + "') is not 43 URL-safe characters: "
                        + "not imported; give that terminal a new key");
                continue;
            }
            String creator = creator(k.createdBy(), ids, plan);
            String description = k.description() == null ? "" : k.description();
            if (description.length() > 200) {
                description = description.substring(0, 200);
                report.change("API key #" + k.id() + " description cut to 200 characters");
            }
            h.createUpdate("INSERT INTO api_keys (key_hash, key_prefix, description, account_id, scopes, "
                            + "max_amount, is_active, created_by, created_at, last_used) VALUES (:hash, :prefix, "
                            + ":description, :account, :scopes, NULL, :active, :by, :created, :used)")
                    .bind(
                            "hash",
                            Hashing.sha256()
                                    .hashString(value, StandardCharsets.US_ASCII)
                                    .toString())
                    .bind("prefix", value.substring(0, 8))
                    .bind("description", description)
                    .bind("account", account)
                    .bind("scopes", joined)
                    .bind("active", k.active())
                    .bind("by", creator)
                    .bind("created", k.createdAt())
                    .bind("used", k.lastUsed())
                    .execute();
            n++;
        }
        if (n > 0) {
            report.change(n + " API keys stored as hashes with scopes " + joined
                    + (options.keyAccount() == null ? ", bound to no account" : ", bound to " + options.keyAccount()));
        }
        return n;
    }

    private static String creator(Long originalId, Map<Long, Long> ids, AccountPlan plan) {
        if (originalId == null) {
            return "";
        }
        AccountPlan.Planned p = plan.byOriginalId.get(originalId);
        return p == null ? "user #" + originalId : p.name();
    }

    static void insertAudit(Handle h, OriginalDatabase.Contents src, Map<Long, Long> ids, AccountPlan plan) {
        for (OriginalDatabase.Audit a : src.audits()) {
            AccountPlan.Planned target = a.targetId() == null ? null : plan.byOriginalId.get(a.targetId());
            String action = a.action() == null ? "" : a.action();
            h.createUpdate("INSERT INTO audit_log (admin, action, target, details, created_at) "
                            + "VALUES (:admin, :action, :target, :details, :at)")
                    .bind("admin", truncate(a.adminId() == null ? "" : creator(a.adminId(), ids, plan), 64))
                    .bind("action", truncate(action, 64))
                    .bind(
                            "target",
                            target != null ? target.number() : a.targetId() == null ? "" : "user #" + a.targetId())
                    .bind("details", a.details() == null ? "" : a.details())
                    .bind("at", a.timestamp())
                    .execute();
        }
    }

    /** The original's switches; its payout percentages (131–271 % in practice) clamped to our 50–120. */
    static void casino(Handle h, OriginalDatabase.Contents src, ImportReport report) {
        Set<String> games = Set.copyOf(h.createQuery("SELECT game_name FROM casino_config")
                .mapTo(String.class)
                .list());
        for (OriginalDatabase.Casino c : src.casino()) {
            if (!games.contains(c.gameName())) {
                report.change("casino game '" + c.gameName() + "' is not one of ours: its settings are not imported");
                continue;
            }
            double p = c.payoutPercentage();
            long whole = Double.isFinite(p) ? Math.round(p) : 96;
            int clamped = (int) Math.max(50, Math.min(120, whole));
            if (!Double.isFinite(p) || clamped != p) {
                report.change(c.gameName() + " payout " + (Double.isFinite(p) ? Amounts.raw(p) : String.valueOf(p))
                        + " % -> " + clamped + " % (whole percents from 50 to 120 here)");
            }
            h.createUpdate("UPDATE casino_config SET is_enabled = :on, payout_percentage = :p, updated_at = :t "
                            + "WHERE game_name = :g")
                    .bind("on", c.enabled())
                    .bind("p", clamped)
                    .bind("t", c.updatedAt())
                    .bind("g", c.gameName())
                    .execute();
            report.change(c.gameName() + " is " + (c.enabled() ? "open" : "closed") + ", as in the original");
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
