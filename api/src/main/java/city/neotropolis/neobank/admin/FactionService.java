package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.Account;
import city.neotropolis.neobank.accounts.AccountDao;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.accounts.FactionDao;
import city.neotropolis.neobank.accounts.FactionNames;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;

/**
 * A faction is one key (see FactionNames) and its members are the accounts a GM placed in it:
 * players may only ask (faction_request), so naming yourself a member earns nothing. Credits
 * granted to a faction are journal rows, one per member, all in one write unit: every member gets
 * them or nobody does.
 */
public final class FactionService {
    public static final int DESCRIPTION_MAX = 500;

    /** A faction a GM created. */
    public record Faction(String name, String description) {}

    /** The answer of a grant. */
    public record GrantReply(String message, int affectedUsers, String faction, Credits amountEach, Credits total) {}

    private record GrantFingerprint(String faction, Credits amount, String reason) {}

    private final Database db;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AuditLog audit;
    private final Clock clock;
    private final Credits maxAmount;

    public FactionService(
            Database db, Ledger ledger, Idempotency idempotency, AuditLog audit, Clock clock, Credits maxAmount) {
        this.db = db;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.audit = audit;
        this.clock = clock;
        this.maxAmount = maxAmount;
    }

    public List<AdminDao.FactionTotal> list() {
        return db.reads().withExtension(AdminDao.class, AdminDao::factions);
    }

    /** Creates a faction with an optional description; one per key, whatever the case or width. */
    public Faction create(Player gm, String rawName, String rawDescription) {
        String name = FactionNames.clean(rawName, "name");
        String description = Input.optionalText(rawDescription, "description", DESCRIPTION_MAX);
        String d = description == null ? "" : description;
        String key = FactionNames.key(name);
        try {
            db.writer().write(s -> {
                s.dao(FactionDao.class).nameByKey(key).ifPresent(FactionService::exists);
                s.dao(FactionDao.class).insert(name, key, d, gm.characterName(), clock.millis());
                audit.record(s, gm.characterName(), "create_faction", name, d);
                return null;
            });
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // Two GMs creating the same faction at once: the unique key decides, the loser hears who won.
            db.reads()
                    .withExtension(FactionDao.class, dao -> dao.nameByKey(key))
                    .ifPresent(FactionService::exists);
            throw e;
        }
        return new Faction(name, d);
    }

    private static void exists(String name) {
        throw ApiException.conflict("Faction \"" + name + "\" already exists (names are the same whatever the case)");
    }

    /** Players' pending requests to join a faction, oldest first. */
    public List<AdminDao.FactionRequest> requests() {
        return db.reads().withExtension(AdminDao.class, AdminDao::factionRequests);
    }

    /** What a GM decided for one character. */
    public record Membership(String accountNumber, String characterName, String faction) {}

    /**
     * A GM places a character in a faction (its one spelling; created if new), or out of any with
     * "": the request, if any, is settled either way.
     */
    public Membership setMember(Player gm, String accountNumber, String rawFaction) {
        String f = FactionNames.optional(Input.required(rawFaction, "faction"), "faction");
        Account a = character(accountNumber);
        return db.writer().write(s -> {
            String faction =
                    f.isEmpty() ? "" : s.dao(FactionDao.class).canonical(f, gm.characterName(), clock.millis());
            s.dao(AccountDao.class).setFaction(a.id(), faction);
            audit.record(s, gm.characterName(), "set_faction", a.accountNumber(), "faction=" + faction);
            return new Membership(a.accountNumber(), a.characterName(), faction);
        });
    }

    /** A GM turns a request down: the character stays where a GM last put them. */
    public Membership reject(Player gm, String accountNumber) {
        Account a = character(accountNumber);
        return db.writer().write(s -> {
            AccountDao dao = s.dao(AccountDao.class);
            String asked = dao.factionRequest(a.id()).orElse("");
            if (asked.isEmpty()) {
                throw ApiException.notFound(a.characterName() + " has no pending faction request");
            }
            dao.setFactionRequest(a.id(), "");
            audit.record(s, gm.characterName(), "reject_faction_request", a.accountNumber(), "requested=" + asked);
            return new Membership(a.accountNumber(), a.characterName(), a.faction());
        });
    }

    private Account character(String accountNumber) {
        String n = AccountNumbers.normalize(accountNumber);
        return (n == null
                        ? java.util.Optional.<Account>empty()
                        : db.reads().withExtension(AccountDao.class, dao -> dao.byNumber(n)))
                .filter(a -> !a.isSystem())
                .orElseThrow(() -> ApiException.notFound("User not found"));
    }

    /** Mints {@code amount} to each member, with a reason; safe to retry. */
    public Response grant(Player gm, String faction, Credits requested, String rawReason, String idempotencyKey) {
        String asked = FactionNames.clean(faction, "faction");
        String name = db.reads()
                .withExtension(FactionDao.class, dao -> dao.nameByKey(FactionNames.key(asked)))
                .orElseThrow(() -> ApiException.notFound("No faction named " + asked));
        Credits amount = Input.positiveAmount(requested, maxAmount, "amount");
        String reason = AdminService.reason(rawReason);
        String actor = AdminService.actor(gm);
        long mint = ledger.system().mintId();
        return idempotency.run(
                gm.principalKey(),
                idempotencyKey,
                "POST /api/admin/factions/add-credits",
                new GrantFingerprint(name, amount, reason),
                s -> {
                    // Members are read inside the unit, so nobody joins or leaves between the list and the grant.
                    List<Long> members = s.dao(AdminDao.class).factionMembers(name);
                    if (members.isEmpty()) {
                        throw ApiException.badRequest("Faction " + name + " has no members");
                    }
                    for (long id : members) {
                        ledger.post(
                                s,
                                Movement.of(mint, id, amount, TxType.FACTION_GRANT, reason, actor)
                                        .withIdempotencyKey(idempotencyKey)
                                        .byGm());
                    }
                    Credits total = amount.times(members.size());
                    audit.record(
                            s,
                            gm.characterName(),
                            "faction_grant",
                            name,
                            "amount=" + amount + " each, members=" + members.size() + " total=" + total + " reason="
                                    + reason);
                    return new Idempotency.Reply(
                            200,
                            new GrantReply(
                                    "Added " + amount + " credits to "
                                            + (members.size() == 1
                                                    ? "the 1 member"
                                                    : "each of the " + members.size() + " members")
                                            + " of " + name,
                                    members.size(),
                                    name,
                                    amount,
                                    total));
                });
    }
}
