package city.neotropolis.neobank.casino;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.money.Credits;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The games' remembered settings")
class GameConfigCacheTest {
    final AtomicLong now = new AtomicLong(1_000);
    final GameConfig open = new GameConfig("glitch_grid", true, 96, Credits.of(1), Credits.of(10), null);
    final GameConfig closed = new GameConfig("glitch_grid", false, 96, Credits.of(1), Credits.of(10), null);

    GameConfigCache remembering(GameConfigCache cache, GameConfig config) {
        cache.remember(cache.lookup(config.gameName()), config);
        return cache;
    }

    @Nested
    @DisplayName("on SQLite (no age limit)")
    class Sqlite {
        final GameConfigCache cache = new GameConfigCache(null, now::get);

        @Test
        @DisplayName("are used again however old they are")
        void kept() {
            remembering(cache, open);
            now.addAndGet(Duration.ofDays(1).toNanos());
            assertThat(cache.lookup("glitch_grid").config()).isEqualTo(open);
        }

        @Test
        @DisplayName("are forgotten when a change begins, and not remembered again until it settles")
        void change() {
            remembering(cache, open);
            Object change = new Object();
            cache.changeBegins(change);
            assertThat(cache.lookup("glitch_grid").config()).isNull();
            remembering(cache, closed);
            assertThat(cache.lookup("glitch_grid").config()).isNull();
            cache.changeSettled(change);
            assertThat(cache.lookup("glitch_grid").config()).isNull();
            remembering(cache, closed);
            assertThat(cache.lookup("glitch_grid").config()).isEqualTo(closed);
        }

        @Test
        @DisplayName("found by a read that a change overtook are not kept")
        void overtaken() {
            GameConfigCache.Lookup before = cache.lookup("glitch_grid");
            Object change = new Object();
            cache.changeBegins(change);
            cache.changeSettled(change);
            cache.remember(before, open);
            assertThat(cache.lookup("glitch_grid").config()).isNull();
        }

        @Test
        @DisplayName("stay unremembered for good when a change begins after its caller stopped waiting")
        void lateChange() {
            Object change = new Object();
            cache.changeSettled(change);
            cache.changeBegins(change);
            remembering(cache, open);
            assertThat(cache.lookup("glitch_grid").config()).isNull();
        }
    }

    @Nested
    @DisplayName("on PostgreSQL (2 s)")
    class Postgres {
        final GameConfigCache cache = new GameConfigCache(Duration.ofSeconds(2), now::get);

        @Test
        @DisplayName("are read again once 2 s have passed since the read that found them began")
        void aged() {
            remembering(cache, open);
            now.addAndGet(Duration.ofSeconds(2).toNanos());
            assertThat(cache.lookup("glitch_grid").config()).isEqualTo(open);
            now.incrementAndGet();
            assertThat(cache.lookup("glitch_grid").config()).isNull();
        }
    }
}
