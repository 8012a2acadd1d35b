package city.neotropolis.neobank.auth;

import city.neotropolis.neobank.web.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.mindrot.jbcrypt.BCrypt;

/**
 * bcrypt hashing. Kept off every path but login, registration and password changes: it is slow on
 * purpose. And kept to a bounded share of the CPU: at most {@code threads} hashes run at once (by
 * default half the cores), at most {@code queue} more wait for a turn, and past that a request is
 * answered 503 with Retry-After at once. A login storm then costs a login its turn, not every other
 * player their balance reads and payments.
 */
public final class Passwords {
    public static final int MIN_LENGTH = 8;
    /** bcrypt reads at most 72 bytes; refusing longer ones beats silently ignoring their tail. */
    public static final int MAX_BYTES = 72;

    /** How long a hash may wait for its turn before the request is told to come back. */
    static final long WAIT_MS = 5_000;

    private final int cost;
    // A real hash to compare against when the name is unknown, so both answers take as long.
    private final String decoy;
    private final Semaphore turns;
    private final int maxInside;
    private final AtomicInteger inside = new AtomicInteger();

    public Passwords(int cost) {
        this(cost, defaultThreads(), 16);
    }

    /** {@code threads} hashes at once (0: half the cores, at least 1), {@code queue} waiting for a turn. */
    public Passwords(int cost, int threads, int queue) {
        if (cost < 10) {
            throw new IllegalArgumentException("bcrypt cost must be at least 10");
        }
        int running = threads > 0 ? threads : defaultThreads();
        this.cost = cost;
        this.turns = new Semaphore(running, true);
        this.maxInside = running + Math.max(0, queue);
        this.decoy = BCrypt.hashpw("decoy-password", BCrypt.gensalt(cost));
    }

    /** Hashes running or waiting for a turn right now. */
    int inside() {
        return inside.get();
    }

    static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /**
     * Runs one bcrypt when it is its turn; refuses at once (503) when the queue is full. Public for
     * the other bcrypt in the bank (terminal PINs), so that all of it shares the one bound.
     */
    public <T> T inTurn(Supplier<T> bcrypt) {
        if (inside.incrementAndGet() > maxInside) {
            inside.decrementAndGet();
            throw busy();
        }
        try {
            if (!turns.tryAcquire(WAIT_MS, TimeUnit.MILLISECONDS)) {
                throw busy();
            }
            try {
                return bcrypt.get();
            } finally {
                turns.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            inside.decrementAndGet();
        }
    }

    private static ApiException busy() {
        return new ApiException(
                503, "The bank is busy checking passwords; try again in 1 s", Map.of("Retry-After", "1"));
    }

    /** Checks the rules for a new password and hashes it. */
    public String hashNew(String password, String field) {
        if (password == null) {
            throw ApiException.badRequest(field + " is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ApiException.badRequest(field + " must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw ApiException.badRequest(field + " must be at most " + MAX_BYTES + " bytes");
        }
        return inTurn(() -> BCrypt.hashpw(password, BCrypt.gensalt(cost)));
    }

    /** True when {@code password} matches {@code hash}; a null hash still costs one bcrypt. */
    public boolean matches(String password, String hash) {
        if (password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            inTurn(() -> BCrypt.checkpw("x", decoy));
            return false;
        }
        if (hash == null) {
            inTurn(() -> BCrypt.checkpw(password, decoy));
            return false;
        }
        return inTurn(() -> {
            try {
                return BCrypt.checkpw(password, hash);
            } catch (IllegalArgumentException e) {
                return false;
            }
        });
    }
}
