package city.neotropolis.neobank.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/neobank}, the README's start command, run with a stand-in {@code java} (JAVA_HOME) that
 * prints what it was given: the measured flags, the class data sharing archive only when it fits,
 * JAVA_OPTS last, the repository's config.yml and data dir from any working directory. No JVM is
 * started, so it is fast and needs no built jar.
 */
@DisplayName("The launcher bin/neobank")
class LauncherTest {
    private static final Path LAUNCHER = ShippedConfig.ROOT.resolve("bin/neobank");

    @TempDir
    Path dir;

    private Path jar;
    private Path javaHome;

    record Run(int exit, List<String> args, Map<String, String> env, String stderr) {}

    @BeforeEach
    void standIn() throws IOException {
        javaHome = dir.resolve("jdk");
        Path java = javaHome.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(
                java,
                "#!/bin/sh\n"
                        + "for a in \"$@\"; do echo \"arg $a\"; done\n"
                        + "echo \"env MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX\"\n"
                        + "echo \"env NEOBANK_DATA_DIR=$NEOBANK_DATA_DIR\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        jar = dir.resolve("neobank.jar");
        Files.writeString(jar, "not really a jar");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    }

    private Run run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        // From a directory that is not the repository's: the defaults must not depend on it.
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment()
                .keySet()
                .removeIf(k -> k.startsWith("NEOBANK_") || k.startsWith("JAVA") || k.startsWith("MALLOC"));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("NEOBANK_JAR", jar.toString());
        pb.environment().putAll(env);
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> argv = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String line : out.lines().toList()) {
            if (line.startsWith("arg ")) {
                argv.add(line.substring(4));
            } else if (line.startsWith("env ")) {
                String[] kv = line.substring(4).split("=", 2);
                seen.put(kv[0], kv[1]);
            }
        }
        return new Run(p.exitValue(), argv, seen, Files.readString(dir.resolve("stderr")));
    }

    private void archive(long size, Instant modified) throws IOException {
        Path jsa = dir.resolve("neobank.jsa");
        Files.write(jsa, new byte[(int) size]);
        Files.writeString(dir.resolve("neobank.jsa.size"), "64\n");
        Files.setLastModifiedTime(jsa, FileTime.from(modified));
    }

    @Test
    @DisplayName("starts the server on the repository's config.yml and data dir, measured flags first, JAVA_OPTS last")
    void defaults() throws Exception {
        Run r = run(Map.of("JAVA_OPTS", "-Xmx256m -Dfoo=bar"));
        assertThat(r.exit()).as(r.stderr()).isZero();
        assertThat(r.args())
                .startsWith("-XX:+UseSerialGC")
                .contains("-Xmx128m", "-XX:+ExitOnOutOfMemoryError")
                .endsWith(
                        "-Xmx256m",
                        "-Dfoo=bar",
                        "-jar",
                        jar.toString(),
                        "server",
                        ShippedConfig.ROOT.resolve("config.yml").toString());
        assertThat(r.args().indexOf("-Xmx256m"))
                .as("the user's heap comes after the launcher's, so it wins")
                .isGreaterThan(r.args().indexOf("-Xmx128m"));
        assertThat(r.args()).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        assertThat(r.env())
                .containsEntry("MALLOC_ARENA_MAX", "2")
                .containsEntry(
                        "NEOBANK_DATA_DIR", ShippedConfig.ROOT.resolve("data").toString());
    }

    @Test
    @DisplayName("passes any other command and its arguments as given, and keeps a data dir that is set")
    void otherCommands() throws Exception {
        Run r = run(Map.of("NEOBANK_DATA_DIR", "/srv/neobank"), "check", "my.yml");
        assertThat(r.args()).endsWith("-jar", jar.toString(), "check", "my.yml");
        assertThat(r.env()).containsEntry("NEOBANK_DATA_DIR", "/srv/neobank");
    }

    @Test
    @DisplayName("uses the archive next to the jar only when it is newer than the jar and the size cds wrote")
    void archiveWhenItFits() throws Exception {
        String flag = "-XX:SharedArchiveFile=" + dir.resolve("neobank.jsa");

        archive(64, Instant.now());
        assertThat(run(Map.of()).args()).contains(flag);

        archive(32, Instant.now());
        Run cut = run(Map.of());
        assertThat(cut.args()).as("a cut-short archive would crash the JVM").doesNotContain(flag);
        assertThat(cut.stderr()).contains("not the size").contains("bin/neobank cds");

        archive(64, Instant.now().minusSeconds(3600));
        Run stale = run(Map.of());
        assertThat(stale.args()).doesNotContain(flag);
        assertThat(stale.stderr()).contains("older than the jar");
        assertThat(stale.exit()).as("it still starts").isZero();
    }

    @Test
    @DisplayName("--help explains the launcher and its cds command, then asks the service for its own")
    void help() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "--help").directory(dir.toFile());
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("NEOBANK_JAR", jar.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("bin/neobank cds", "JAVA_OPTS", "NEOBANK_JAR");
        assertThat(out).contains("arg -jar", "arg " + jar, "arg --help");
    }

    @Test
    @DisplayName("says how to build the jar when there is none")
    void noJar() throws Exception {
        Files.delete(jar);
        Run r = run(Map.of());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).contains("mvn -B -q -DskipTests package");
    }

    @Test
    @DisplayName("is what the image starts, and the image builds the archive with it")
    void image() throws IOException {
        String dockerfile = Files.readString(ShippedConfig.ROOT.resolve("Dockerfile"));
        assertThat(dockerfile)
                .contains("COPY bin/neobank /app/bin/neobank")
                .contains("RUN bin/neobank cds")
                .contains("ENTRYPOINT [\"/app/bin/neobank\"]");
    }
}
