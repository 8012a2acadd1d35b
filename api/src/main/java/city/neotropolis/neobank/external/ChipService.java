package city.neotropolis.neobank.external;

import city.neotropolis.neobank.accounts.AccountDirectory;
import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.Posting;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Chips (NFC tags): linked to an account by a GM or by a terminal in enrol mode (with the player's
 * terminal PIN), charged by their UID at a terminal with the charge scope, blocked by their player
 * or a GM. A UID is identification, not proof (anyone with a reader can copy one): above the chip's
 * per-charge or per-day limit a charge needs the player's terminal PIN, checked as for any terminal
 * charge (same lockout). Charges are ordinary terminal charges: same scopes, same idempotency,
 * one {@code external} journal row each, and the chip's day total counted in the same write unit.
 */
public final class ChipService {
    static final String CHARGE_ROUTE = "POST /api/v1/external/chips/charge";
    public static final int LABEL_MAX = 40;
    public static final Credits DEFAULT_PER_CHARGE = Credits.of(25);
    public static final Credits DEFAULT_PER_DAY = Credits.of(100);

    /** A GM links a tag; limits default to {@link #DEFAULT_PER_CHARGE} and {@link #DEFAULT_PER_DAY}. */
    public record LinkRequest(
            String uid, String accountNumber, String label, Credits perChargeLimit, Credits perDayLimit) {}

    /** A terminal in enrol mode links a tag; the player types their terminal PIN on it. */
    public record EnrolRequest(String uid, String accountNumber, String label, String pin) {}

    public record LimitsRequest(Credits perChargeLimit, Credits perDayLimit) {}

    /** A tap: the tag's UID, never the account. */
    public record ChargeRequest(String uid, Credits amount, String memo, String pin) {}

    /** What identifies a chip charge for safe retries: never the UID, the PIN or the key. */
    record Normalized(long chipId, String toAccount, Credits amount, String memo) {}

    private final Database db;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final AccountDirectory directory;
    private final AuditLog audit;
    private final ApiKeyAuthenticator keys;
    private final TerminalPins pins;
    private final ChipUids uids;
    private final Clock clock;
    private final ZoneId zone;
    private final Credits bankMaxAmount;

    public ChipService(
            Database db,
            Ledger ledger,
            Idempotency idempotency,
            AccountDirectory directory,
            AuditLog audit,
            ApiKeyAuthenticator keys,
            TerminalPins pins,
            ChipUids uids,
            Clock clock,
            ZoneId zone,
            Credits bankMaxAmount) {
        this.db = db;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.directory = directory;
        this.audit = audit;
        this.keys = keys;
        this.pins = pins;
        this.uids = uids;
        this.clock = clock;
        this.zone = zone;
        this.bankMaxAmount = bankMaxAmount;
    }

    // ---- linking ----

    public ChipView link(Player gm, LinkRequest req) {
        Input.required(req, "request body");
        String hash = uids.hash(req.uid());
        AccountDirectory.Ref account = player(req.accountNumber());
        String label = label(req.label());
        Credits perCharge = limit(req.perChargeLimit(), DEFAULT_PER_CHARGE, "per_charge_limit");
        Credits perDay = limit(req.perDayLimit(), DEFAULT_PER_DAY, "per_day_limit");
        return insert(gm.characterName(), hash, account, label, perCharge, perDay, "chip.link");
    }

    public ChipView enrol(ApiKey key, EnrolRequest req) {
        Input.required(req, "request body");
        if (!key.has(ApiKeyScope.CHIP_ENROL)) {
            throw ApiException.forbidden("This API key may not enrol chips (it needs the chip:enrol scope)");
        }
        String hash = uids.hash(req.uid());
        AccountDirectory.Ref account = player(req.accountNumber());
        String label = label(req.label());
        Input.required(req.pin(), "pin");
        // Linking a tag lets it pay below its limits without a PIN: only the player may agree to it.
        if (!pins.check(account.id(), req.pin())) {
            throw ApiException.badRequest(
                    "This player has no terminal PIN: set one in the app first, or ask a GM to link the chip");
        }
        return insert(key.principalKey(), hash, account, label, DEFAULT_PER_CHARGE, DEFAULT_PER_DAY, "chip.enrol");
    }

    private ChipView insert(
            String actor,
            String hash,
            AccountDirectory.Ref account,
            String label,
            Credits perCharge,
            Credits perDay,
            String action) {
        ChipDao.Row row = db.writer().write(s -> {
            ChipDao dao = s.dao(ChipDao.class);
            if (dao.byHash(hash).isPresent()) {
                throw ApiException.conflict("This tag is already linked to an account: a GM can unlink it first");
            }
            long id = dao.insert(
                    hash, account.id(), label, perCharge.hundredths(), perDay.hundredths(), actor, clock.millis());
            audit.record(
                    s,
                    actor,
                    action,
                    "chip:" + id,
                    "account " + account.accountNumber() + ", limits " + perCharge + "/charge " + perDay + "/day: "
                            + label);
            return dao.byId(id).orElseThrow();
        });
        return ChipView.of(row, today());
    }

    // ---- reading, blocking ----

    public List<ChipView> mine(Player player) {
        String today = today();
        return db.reads().withExtension(ChipDao.class, dao -> dao.ofAccount(player.id())).stream()
                .map(c -> ChipView.of(c, today))
                .toList();
    }

    /** A player blocks one of their own chips; someone else's is "not found", as if it did not exist. */
    public ChipView blockMine(Player player, long chipId) {
        return change(
                player.characterName(), chipId, player.id(), "chip.block", (dao, c) -> dao.setBlocked(c.id(), true));
    }

    public List<ChipView> list(String accountNumber, int limit, long offset) {
        String today = today();
        List<ChipDao.Row> rows = accountNumber == null || accountNumber.isBlank()
                ? db.reads().withExtension(ChipDao.class, dao -> dao.page(limit, offset))
                : db.reads()
                        .withExtension(
                                ChipDao.class,
                                dao -> dao.ofAccount(player(accountNumber).id()));
        return rows.stream().map(c -> ChipView.of(c, today)).toList();
    }

    public ChipView block(Player gm, long chipId, boolean blocked) {
        return change(
                gm.characterName(),
                chipId,
                null,
                blocked ? "chip.block" : "chip.unblock",
                (dao, c) -> dao.setBlocked(c.id(), blocked));
    }

    public ChipView limits(Player gm, long chipId, LimitsRequest req) {
        Input.required(req, "request body");
        Input.required(req.perChargeLimit(), "per_charge_limit");
        Input.required(req.perDayLimit(), "per_day_limit");
        Credits perCharge = limit(req.perChargeLimit(), DEFAULT_PER_CHARGE, "per_charge_limit");
        Credits perDay = limit(req.perDayLimit(), DEFAULT_PER_DAY, "per_day_limit");
        return change(
                gm.characterName(),
                chipId,
                null,
                "chip.limits",
                (dao, c) -> dao.setLimits(c.id(), perCharge.hundredths(), perDay.hundredths()));
    }

    public void unlink(Player gm, long chipId) {
        db.writer().write(s -> {
            ChipDao dao = s.dao(ChipDao.class);
            ChipDao.Row c = dao.byId(chipId).orElseThrow(() -> ApiException.notFound("Chip not found"));
            dao.delete(chipId);
            audit.record(
                    s,
                    gm.characterName(),
                    "chip.unlink",
                    "chip:" + chipId,
                    "account " + c.accountNumber() + ": " + c.label());
            return null;
        });
    }

    private interface Change {
        void apply(ChipDao dao, ChipDao.Row chip);
    }

    private ChipView change(String actor, long chipId, Long ownerOnly, String action, Change change) {
        ChipDao.Row row = db.writer().write(s -> {
            ChipDao dao = s.dao(ChipDao.class);
            ChipDao.Row c = dao.byId(chipId)
                    .filter(x -> ownerOnly == null || x.accountId() == ownerOnly)
                    .orElseThrow(() -> ApiException.notFound("Chip not found"));
            change.apply(dao, c);
            audit.record(s, actor, action, "chip:" + chipId, "account " + c.accountNumber() + ": " + c.label());
            return dao.byId(chipId).orElseThrow();
        });
        return ChipView.of(row, today());
    }

    // ---- charging ----

    public Response charge(ApiKey key, ChargeRequest body, String idempotencyKey) {
        Input.required(body, "request body");
        if (!key.has(ApiKeyScope.CHARGE)) {
            throw ApiException.forbidden("This API key may not charge chips (it needs the charge scope)");
        }
        if (key.accountId() == null) {
            throw ApiException.forbidden("This API key has no account to charge into");
        }
        Credits amount = Input.positiveAmount(body.amount(), bankMaxAmount, "amount");
        if (key.maxAmount() != null && amount.compareTo(key.maxAmount()) > 0) {
            throw ApiException.badRequest(
                    "amount is above this API key's limit of " + key.maxAmount() + " per transaction");
        }
        String memo = Input.optionalText(body.memo(), "memo", Movement.MEMO_MAX);
        String hash = uids.hash(body.uid());
        ChipDao.Row chip = db.reads()
                .withExtension(ChipDao.class, dao -> dao.byHash(hash))
                .orElseThrow(() -> ApiException.notFound("Unknown chip: it is not linked to any account"));
        if (chip.blocked()) {
            throw blocked();
        }
        if (chip.accountId() == key.accountId()) {
            throw ApiException.badRequest("This chip pays from the terminal's own account");
        }
        boolean pinChecked = body.pin() != null && pins.check(chip.accountId(), body.pin());
        Normalized normalized = new Normalized(chip.id(), key.accountNumber(), amount, memo == null ? "" : memo);
        Movement m = Movement.of(
                        chip.accountId(),
                        key.accountId(),
                        amount,
                        TxType.EXTERNAL,
                        normalized.memo(),
                        key.principalKey())
                .withIdempotencyKey(idempotencyKey);
        return idempotency.run(key.principalKey(), idempotencyKey, CHARGE_ROUTE, normalized, s -> {
            keys.ensureActive(s, key);
            ChipDao dao = s.dao(ChipDao.class);
            long spentToday = dao.spend(chip.id(), today(), amount.hundredths(), clock.millis())
                    .orElseThrow(() -> ApiException.notFound("Unknown chip: it is not linked to any account"));
            ChipDao.Row now = dao.byId(chip.id()).orElseThrow();
            if (now.blocked()) {
                throw blocked();
            }
            boolean overCharge = amount.hundredths() > now.perChargeLimit();
            boolean overDay = spentToday > now.perDayLimit();
            if ((overCharge || overDay) && !pinChecked) {
                refuseWithoutPin(s, chip.accountId(), overCharge, now);
            }
            Posting p = ledger.post(s, m);
            return new Idempotency.Reply(201, new TerminalPayments.Reply("Transaction successful", p.transaction()));
        });
    }

    private void refuseWithoutPin(WriteSession s, long accountId, boolean overCharge, ChipDao.Row chip)
            throws java.sql.SQLException {
        String which = overCharge
                ? "above this chip's limit of " + new Credits(chip.perChargeLimit()) + " per charge"
                : "above this chip's limit of " + new Credits(chip.perDayLimit()) + " per day";
        // The player's PIN is what a copied UID does not have; without one set, nothing above the limit.
        pins.refuseIfSet(s, accountId, "This charge is " + which + ": send the player's terminal PIN as pin");
        throw ApiException.badRequest(
                "This charge is " + which + " and the player has no terminal PIN: a GM can raise the chip's limits");
    }

    private static ApiException blocked() {
        return ApiException.forbidden("This chip is blocked: it cannot pay");
    }

    // ---- input ----

    private AccountDirectory.Ref player(String accountNumber) {
        Input.required(accountNumber, "account_number");
        return directory
                .find(AccountNumbers.normalize(accountNumber))
                .filter(r -> !r.isSystem())
                .orElseThrow(() -> ApiException.badRequest("Account not found: " + accountNumber));
    }

    private static String label(String label) {
        return label == null || label.isBlank() ? "Chip" : Input.text(label, "label", 1, LABEL_MAX);
    }

    private Credits limit(Credits value, Credits dflt, String field) {
        if (value == null) {
            return dflt;
        }
        if (value.hundredths() < 0) {
            throw ApiException.badRequest(field + " must be zero or more");
        }
        if (value.compareTo(bankMaxAmount) > 0) {
            throw ApiException.badRequest(field + " must be at most " + bankMaxAmount);
        }
        return value;
    }

    private String today() {
        return LocalDate.ofInstant(Instant.ofEpochMilli(clock.millis()), zone).toString();
    }
}
