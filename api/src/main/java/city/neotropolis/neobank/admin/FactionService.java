package city.neotropolis.neobank.admin;

import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.accounts.CharacterNames;
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
 * A faction is every account naming it. Credits granted to a faction are journal rows, one per
 * member, all in one write unit: every member gets them or nobody does.
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

    /** Creates a faction with an optional description; names are unique regardless of case. */
    public Faction create(Player gm, String rawName, String rawDescription) {
        String name = Input.text(rawName, "name", 1, AccountService.FACTION_MAX);
        String description = Input.optionalText(rawDescription, "description", DESCRIPTION_MAX);
        String d = description == null ? "" : description;
        String key = CharacterNames.key(name);
        db.writer().write(s -> {
            AdminDao dao = s.dao(AdminDao.class);
            if (dao.countFactionKey(key) > 0) {
                throw ApiException.badRequest("Faction already exists");
            }
            dao.insertFaction(name, key, d, gm.characterName(), clock.millis());
            audit.record(s, gm.characterName(), "create_faction", name, d);
            return null;
        });
        return new Faction(name, d);
    }

    /** Mints {@code amount} to each member, with a reason; safe to retry. */
    public Response grant(Player gm, String faction, Credits requested, String rawReason, String idempotencyKey) {
        String name = Input.text(faction, "faction", 1, AccountService.FACTION_MAX);
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
