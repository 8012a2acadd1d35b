package city.neotropolis.neobank.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Backup files and the daily schedule")
class BackupFilesTest {

    @Nested
    @DisplayName("retention")
    class Retention {
        @Test
        @DisplayName("deletes snapshots older than the retention period by the time in their name, and nothing else")
        void prune(@TempDir Path dataDir) throws Exception {
            Clock now = Clock.fixed(Instant.parse("2026-07-31T12:00:00Z"), ZoneOffset.UTC);
            Path dir = Files.createDirectories(dataDir.resolve("backups"));
            for (String n : new String[] {
                "neobank-20260601-040000.db",
                "neobank-20260701-115959.db",
                "neobank-20260701-120001.db",
                "neobank-20260731-040000.db",
                "neobank-20260731-040000-1.db",
                "notes.txt",
                "neobank-20200101-000000.txt"
            }) {
                Files.writeString(dir.resolve(n), n);
            }
            Backups backups = new Backups(null, dataDir, now, 30);
            assertThat(backups.prune()).isEqualTo(2);
            try (var files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(
                                "neobank-20260701-120001.db",
                                "neobank-20260731-040000.db",
                                "neobank-20260731-040000-1.db",
                                "notes.txt",
                                "neobank-20200101-000000.txt");
            }
            assertThat(backups.list())
                    .extracting(Backups.Backup::name)
                    .containsExactly(
                            "neobank-20260731-040000-1.db", "neobank-20260731-040000.db", "neobank-20260701-120001.db");
        }

        @Test
        @DisplayName("hands out only files named like a snapshot, inside the backups directory")
        void onlySnapshots(@TempDir Path dataDir) throws Exception {
            Path dir = Files.createDirectories(dataDir.resolve("backups"));
            Files.writeString(dir.resolve("neobank-20260731-040000.db"), "x");
            Files.writeString(dataDir.resolve("neobank.db"), "live");
            Backups backups = new Backups(null, dataDir, Clock.systemUTC(), 30);
            assertThat(backups.file("neobank-20260731-040000.db")).isPresent();
            assertThat(backups.file("../neobank.db")).isEmpty();
            assertThat(backups.file("neobank-20260731-040000.db/../../neobank.db"))
                    .isEmpty();
            assertThat(backups.file("neobank-20260731-050000.db")).isEmpty();
        }
    }

    @Nested
    @DisplayName("the daily time")
    class Daily {
        @Test
        @DisplayName("is later today when it has not passed yet, else tomorrow, in the configured zone")
        void untilNext() {
            ZoneId paris = ZoneId.of("Europe/Paris");
            LocalTime four = LocalTime.of(4, 0);
            assertThat(BackupSchedule.untilNext(ZonedDateTime.of(2026, 7, 1, 3, 0, 0, 0, paris), four))
                    .isEqualTo(Duration.ofHours(1));
            assertThat(BackupSchedule.untilNext(ZonedDateTime.of(2026, 7, 1, 4, 0, 0, 0, paris), four))
                    .isEqualTo(Duration.ofHours(24));
            assertThat(BackupSchedule.untilNext(ZonedDateTime.of(2026, 7, 1, 5, 30, 0, 0, paris), four))
                    .isEqualTo(Duration.ofMinutes(22 * 60 + 30));
            // The night the clocks go back: 25 hours from 04:00 to 04:00.
            assertThat(BackupSchedule.untilNext(ZonedDateTime.of(2026, 10, 24, 4, 0, 0, 0, paris), four))
                    .isEqualTo(Duration.ofHours(25));
        }
    }
}
