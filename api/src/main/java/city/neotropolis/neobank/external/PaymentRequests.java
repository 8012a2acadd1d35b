package city.neotropolis.neobank.external;

import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.ledger.Idempotency;
import city.neotropolis.neobank.ledger.JournalDao;
import city.neotropolis.neobank.ledger.Ledger;
import city.neotropolis.neobank.ledger.Movement;
import city.neotropolis.neobank.ledger.Posting;
import city.neotropolis.neobank.ledger.TxType;
import city.neotropolis.neobank.ledger.TxView;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.time.Timestamps;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Payment requests (pay by QR): a vendor (a player, or a terminal key with the charge scope) asks
 * for an amount; a payer who holds the link confirms it; it is paid exactly once. The id is a
 * random 128-bit URL-safe token: holding the link is what lets a player see and pay the request.
 * Who paid is shown only to the vendor and to the payer.
 */
public final class PaymentRequests {
    public static final int OPEN_SECONDS_DEFAULT = 300;
    public static final int OPEN_SECONDS_MIN = 30;
    public static final int OPEN_SECONDS_MAX = 86_400;
    static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a vendor sends. */
    public record Create(Credits amount, String memo, Integer expiresInSeconds) {}

    /** A request as its viewer may see it; payer fields are null for anyone but vendor and payer. */
    public record View(
            String id,
            String status,
            Credits amount,
            String memo,
            String vendorAccount,
            String vendorName,
            String createdAt,
            String expiresAt,
            String closedAt,
            String payerAccount,
            String payerName,
            Long transactionId,
            String link,
            String qrSvg,
            String qrPng) {}

    public record Created(String message, View request) {}

    public record Paid(String message, View request, TxView transaction) {}

    private record CreateFingerprint(String vendor, Credits amount, String memo, int seconds) {}

    private record PayFingerprint(String id) {}

    private final Database db;
    private final Ledger ledger;
    private final Idempotency idempotency;
    private final ApiKeyAuthenticator keys;
    private final Clock clock;
    private final Credits bankMaxAmount;

    public PaymentRequests(
            Database db,
            Ledger ledger,
            Idempotency idempotency,
            ApiKeyAuthenticator keys,
            Clock clock,
            Credits bankMaxAmount) {
        this.db = db;
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.keys = keys;
        this.clock = clock;
        this.bankMaxAmount = bankMaxAmount;
    }

    /** A player asks to be paid into their own account. */
    public Response create(Player vendor, Create body, String idempotencyKey, String origin) {
        return create(vendor.id(), vendor.accountNumber(), vendor.principalKey(), null, body, idempotencyKey, origin);
    }

    /** A terminal asks to be paid into its key's own account: needs the charge scope. */
    public Response create(ApiKey key, Create body, String idempotencyKey, String origin) {
        if (!key.has(ApiKeyScope.CHARGE)) {
            throw ApiException.forbidden("This API key may not create payment requests (it needs the charge scope)");
        }
        if (key.accountId() == null) {
            throw ApiException.forbidden("This API key has no account of its own to be paid into");
        }
        Input.required(body, "request body");
        if (key.maxAmount() != null && body.amount() != null && body.amount().compareTo(key.maxAmount()) > 0) {
            throw ApiException.badRequest(
                    "amount is above this API key's limit of " + key.maxAmount() + " per transaction");
        }
        return create(key.accountId(), key.accountNumber(), key.principalKey(), key, body, idempotencyKey, origin);
    }

    private Response create(
            long vendorId,
            String vendorNumber,
            String principal,
            ApiKey key,
            Create body,
            String idempotencyKey,
            String origin) {
        Input.required(body, "request body");
        Credits amount = Input.positiveAmount(body.amount(), bankMaxAmount, "amount");
        String memo = Input.text(body.memo(), "memo", 1, Movement.MEMO_MAX);
        int seconds = Input.bounded(
                body.expiresInSeconds(),
                OPEN_SECONDS_DEFAULT,
                OPEN_SECONDS_MIN,
                OPEN_SECONDS_MAX,
                "expires_in_seconds");
        CreateFingerprint fp = new CreateFingerprint(vendorNumber, amount, memo, seconds);
        return idempotency.run(principal, idempotencyKey, "POST /api/v1/requests", fp, s -> {
            if (key != null) {
                keys.ensureActive(s, key);
            }
            String id = newId();
            long now = clock.millis();
            PaymentRequestDao dao = s.dao(PaymentRequestDao.class);
            dao.insert(id, vendorId, principal, amount.hundredths(), memo, now, now + seconds * 1000L);
            View v = view(dao.byId(id).orElseThrow(), true, origin);
            return new Idempotency.Reply(201, new Created("Payment request created", v));
        });
    }

    /** A player's look at a request through its link. */
    public View read(Player viewer, String id, String origin) {
        PaymentRequestDao.Row r = find(id);
        boolean full = r.vendorId() == viewer.id() || (r.payerId() != null && r.payerId() == viewer.id());
        return view(r, full, origin);
    }

    /** A terminal polls a request it (or a key of the same account) made; others' are not found. */
    public View read(ApiKey key, String id, String origin) {
        PaymentRequestDao.Row r = find(id);
        if (!key.owns(r.vendorId())) {
            throw notFound();
        }
        return view(r, true, origin);
    }

    /** The payer confirms: one journal row, the request marked paid in the same write unit. */
    public Response pay(Player payer, String id, String idempotencyKey, String origin) {
        checkId(id);
        return idempotency.run(
                payer.principalKey(),
                idempotencyKey,
                "POST /api/v1/requests/pay",
                new PayFingerprint(id),
                s -> new Idempotency.Reply(200, pay(s, payer, id, idempotencyKey, origin)));
    }

    private Paid pay(WriteSession s, Player payer, String id, String idempotencyKey, String origin)
            throws SQLException {
        PaymentRequestDao dao = s.dao(PaymentRequestDao.class);
        PaymentRequestDao.Row r = dao.byId(id).orElseThrow(PaymentRequests::notFound);
        if (r.vendorId() == payer.id()) {
            throw ApiException.badRequest("You cannot pay your own payment request");
        }
        long now = clock.millis();
        if (dao.claim(id, payer.id(), now) != 1) {
            // Another confirmation (a double tap, a second phone) won, or the request closed.
            throw refusal(dao.byId(id).orElseThrow(), payer.id(), now);
        }
        Posting p = ledger.post(
                s,
                Movement.of(
                                payer.id(),
                                r.vendorId(),
                                new Credits(r.amount()),
                                TxType.PAYMENT_REQUEST,
                                r.memo(),
                                payer.principalKey())
                        .withIdempotencyKey(idempotencyKey));
        dao.link(id, p.transaction().id());
        TxView tx = s.dao(JournalDao.class).byId(p.transaction().id()).orElse(p.transaction());
        View v = view(dao.byId(id).orElseThrow(), true, origin);
        return new Paid("Paid " + r.vendorName() + " " + new Credits(r.amount()), v, tx);
    }

    /** The vendor closes an open request. */
    public View cancel(Player vendor, String id, String origin) {
        return cancel(vendor.id(), null, id, origin);
    }

    public View cancel(ApiKey key, String id, String origin) {
        return cancel(key.accountId() == null ? -1 : key.accountId(), key, id, origin);
    }

    private View cancel(long vendorId, ApiKey key, String id, String origin) {
        checkId(id);
        return db.writer().write(s -> {
            if (key != null) {
                keys.ensureActive(s, key);
            }
            PaymentRequestDao dao = s.dao(PaymentRequestDao.class);
            PaymentRequestDao.Row r = dao.byId(id).orElseThrow(PaymentRequests::notFound);
            if (r.vendorId() != vendorId) {
                if (key != null) {
                    throw notFound();
                }
                throw ApiException.forbidden("Only the vendor who asked may cancel this payment request");
            }
            long now = clock.millis();
            if (dao.cancel(id, now) != 1) {
                throw refusal(r, -1, now);
            }
            return view(dao.byId(id).orElseThrow(), true, origin);
        });
    }

    /** The link a QR code carries, for the image routes (no login: the id is all it shows). */
    public String linkOf(String id, String origin) {
        find(id);
        return link(id, origin);
    }

    private PaymentRequestDao.Row find(String id) {
        checkId(id);
        return db.reads()
                .withExtension(PaymentRequestDao.class, dao -> dao.byId(id))
                .orElseThrow(PaymentRequests::notFound);
    }

    private static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("Payment request not found");
    }

    private static ApiException refusal(PaymentRequestDao.Row r, long payerId, long now) {
        return switch (r.status()) {
            case "paid" ->
                ApiException.conflict(
                        r.payerId() != null && r.payerId() == payerId
                                ? "You have already paid this payment request"
                                : "This payment request has already been paid");
            case "cancelled" -> ApiException.conflict("This payment request was cancelled by the vendor");
            default ->
                r.expiresAt() <= now
                        ? ApiException.conflict("This payment request expired at " + Timestamps.iso(r.expiresAt())
                                + "; ask the vendor for a new one")
                        : ApiException.conflict("This payment request is no longer open");
        };
    }

    static String status(PaymentRequestDao.Row r, long now) {
        return "open".equals(r.status()) && r.expiresAt() <= now ? "expired" : r.status();
    }

    private View view(PaymentRequestDao.Row r, boolean full, String origin) {
        String base = origin + "/api/v1/requests/" + r.id();
        return new View(
                r.id(),
                status(r, clock.millis()),
                new Credits(r.amount()),
                r.memo(),
                r.vendorNumber(),
                r.vendorName(),
                Timestamps.iso(r.createdAt()),
                Timestamps.iso(r.expiresAt()),
                r.closedAt() == null ? null : Timestamps.iso(r.closedAt()),
                full ? r.payerNumber() : null,
                full ? r.payerName() : null,
                full ? r.transactionId() : null,
                link(r.id(), origin),
                base + "/qr.svg",
                base + "/qr.png");
    }

    static String link(String id, String origin) {
        return origin + "/#/request?id=" + id;
    }

    static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
