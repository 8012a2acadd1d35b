package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.db.Work;
import city.neotropolis.neobank.db.WriteSession;
import city.neotropolis.neobank.metrics.BankMetrics;
import city.neotropolis.neobank.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Safe retries for every POST that moves money. The answer is stored in the same write unit as
 * the movement, so a retry with the same key replays it and moves nothing again; the same key
 * with another body is a 422; the same key while the first is still running is a 409.
 */
public final class Idempotency {
    public static final Duration KEEP = Duration.ofHours(24);
    private static final String LOOKUP =
            "SELECT fingerprint, status, body, created_at FROM idempotency_keys WHERE principal = ? AND idem_key = ?";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,64}");
    // Written inside every retried money unit: cached prepared statements, as in the Ledger.
    private static final String STORE = "INSERT INTO idempotency_keys "
            + "(principal, idem_key, fingerprint, status, body, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String FORGET = "DELETE FROM idempotency_keys WHERE principal = ? AND idem_key = ?";

    /** What a money-moving route answers: a status and a JSON body. */
    public record Reply(int status, Object body) {}

    private record Stored(String fingerprint, int status, String body, long createdAt) {}

    private final Database db;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final ConcurrentHashMap<String, Boolean> inFlight = new ConcurrentHashMap<>();

    public Idempotency(Database db, ObjectMapper mapper, Clock clock) {
        this.db = db;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Runs {@code work} once per (principal, key). {@code request} is what the caller asked for
     * (route and parsed body): its fingerprint tells a retry from a different request.
     */
    public Response run(String principal, String key, String route, Object request, Work<Reply> work) {
        if (key == null) {
            Reply reply = db.writer().write(work);
            return respond(reply.status(), json(reply.body()), false);
        }
        if (!KEY.matcher(key).matches()) {
            throw ApiException.badRequest("Idempotency-Key must be 1 to 64 printable ASCII characters");
        }
        String fingerprint = fingerprint(route, request);
        String slot = principal + '\n' + key;
        if (inFlight.putIfAbsent(slot, Boolean.TRUE) != null) {
            throw ApiException.conflict("A request with this Idempotency-Key is still being processed");
        }
        try {
            Optional<Stored> stored = lookup(principal, key);
            boolean expired = stored.isPresent() && isExpired(stored.get());
            if (stored.isPresent() && !expired) {
                return replay(stored.get(), fingerprint);
            }
            try {
                String[] body = new String[1];
                Reply reply = db.writer().write(s -> {
                    if (expired) {
                        forget(s, principal, key);
                    }
                    Reply r = work.run(s);
                    body[0] = json(r.body());
                    store(s, principal, key, fingerprint, r.status(), body[0]);
                    return r;
                });
                return respond(reply.status(), body[0], false);
            } catch (RuntimeException e) {
                // Another replica may have committed the same key meanwhile (the in-flight guard is
                // per process). Its answer is the answer, whether this attempt then collided on the
                // key or was refused by the state that commit left: a retry of a payment already
                // made must not be told "Insufficient funds" (ReplicasIT sends one key to both).
                Optional<Stored> winner = committedMeanwhile(principal, key, e);
                if (winner.isPresent() && !isExpired(winner.get())) {
                    return replay(winner.get(), fingerprint);
                }
                throw e;
            }
        } finally {
            inFlight.remove(slot);
        }
    }

    private boolean isExpired(Stored s) {
        return s.createdAt() < clock.millis() - KEEP.toMillis();
    }

    private Response replay(Stored stored, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw ApiException.unprocessable("This Idempotency-Key was already used for a different request");
        }
        BankMetrics.replayed();
        return respond(stored.status(), stored.body(), true);
    }

    private static Response respond(int status, String body, boolean replayed) {
        Response.ResponseBuilder b =
                Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body);
        if (replayed) {
            b.header("Idempotent-Replayed", "true");
        }
        return b.build();
    }

    private Optional<Stored> lookup(String principal, String key) {
        return db.readOne(
                LOOKUP,
                ps -> {
                    ps.setString(1, principal);
                    ps.setString(2, key);
                },
                (rs, ctx) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4)));
    }

    private void store(WriteSession s, String principal, String key, String fingerprint, int status, String body)
            throws SQLException {
        PreparedStatement ps = s.prepare(STORE);
        ps.setString(1, principal);
        ps.setString(2, key);
        ps.setString(3, fingerprint);
        ps.setInt(4, status);
        ps.setString(5, body);
        ps.setLong(6, clock.millis());
        ps.executeUpdate();
    }

    private static void forget(WriteSession s, String principal, String key) throws SQLException {
        PreparedStatement ps = s.prepare(FORGET);
        ps.setString(1, principal);
        ps.setString(2, key);
        ps.executeUpdate();
    }

    /** Drops answers older than {@link #KEEP}; run now and then. */
    public int prune() {
        long cutoff = clock.millis() - KEEP.toMillis();
        return db.writer()
                .write(s -> s.handle()
                        .createUpdate("DELETE FROM idempotency_keys WHERE created_at < :c")
                        .bind("c", cutoff)
                        .execute());
    }

    private Optional<Stored> committedMeanwhile(String principal, String key, RuntimeException failure) {
        try {
            return lookup(principal, key);
        } catch (RuntimeException unreadable) {
            failure.addSuppressed(unreadable);
            return Optional.empty();
        }
    }

    private String json(Object body) {
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a reply as JSON", e);
        }
    }

    private String fingerprint(String route, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(route.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) '\n');
            sha.update(mapper.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
