package city.neotropolis.neobank.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Remembering verified tokens must not stretch what a token is good for. */
class TokensTest {
    private static final byte[] KEY = "a-test-secret-key-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);
    private static final Player PLAYER = new Player(42, "NC-TEST-0042", "Tester", false, false, 3);

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRememberedTokenStillExpires() {
        HandClock clock = new HandClock();
        Tokens tokens = new Tokens(KEY, Duration.ofHours(1), clock);
        String token = tokens.issue(PLAYER);

        assertThat(tokens.verify(token)).contains(new Tokens.Claims(42, 3));
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        assertThat(tokens.verify(token)).as("remembered, still good").contains(new Tokens.Claims(42, 3));
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        assertThat(tokens.verify(token)).as("past its expiry").isEmpty();
        assertThat(tokens.verify(token)).as("and stays refused").isEmpty();
    }

    @Test
    void onlyTheExactVerifiedStringIsRemembered() {
        HandClock clock = new HandClock();
        Tokens tokens = new Tokens(KEY, Duration.ofHours(1), clock);
        String token = tokens.issue(PLAYER);
        assertThat(tokens.verify(token)).isPresent();

        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
        assertThat(tokens.verify(tampered)).isEmpty();
        String[] parts = token.split("\\.");
        assertThat(tokens.verify(parts[0] + "." + parts[1] + ".")).isEmpty();
        assertThat(tokens.verify(null)).isEmpty();

        Tokens otherKey = new Tokens(
                "another-secret-key-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(1),
                clock);
        assertThat(otherKey.verify(token)).as("signed with another key").isEmpty();
        assertThat(tokens.verify(otherKey.issue(PLAYER))).isEmpty();
    }
}
