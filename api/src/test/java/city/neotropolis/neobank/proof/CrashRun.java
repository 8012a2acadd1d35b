package city.neotropolis.neobank.proof;

import city.neotropolis.neobank.proof.IntentLog.State;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;

/**
 * One crash-and-retry run on one database: start the real service, register players, drive the
 * operations while killing it, then judge the books. Sizes come from system properties so that CI
 * runs the short form and {@code bench/crash.sh} the long one with the same code.
 */
final class CrashRun {
    static final String SECRET = "crash-test-secret-key-at-least-32-bytes-long!";
    static final String GM_NAME = "admin";
    static final String GM_PASSWORD = "gm-password-1";
    static final String PASSWORD = "password1";

    /** Where the service keeps its data, and how to read it afterwards. */
    enum Db {
        SQLITE,
        POSTGRES
    }

    /** The run's size: -Dcrash.ops, -Dcrash.kills, -Dcrash.threads, -Dcrash.players, -Dcrash.seed. */
    record Settings(long ops, int kills, int threads, int players, long seed) {
        static Settings fromSystemProperties() {
            return new Settings(
                    Long.getLong("crash.ops", 1000),
                    Integer.getInteger("crash.kills", 3),
                    Integer.getInteger("crash.threads", 16),
                    Integer.getInteger("crash.players", 8),
                    Long.getLong("crash.seed", System.nanoTime()));
        }
    }

    /** The printed figures and the violations behind them. */
    record Summary(
            Db db,
            Settings settings,
            long acked,
            long refused,
            int kills,
            long retries,
            long unknownResolved,
            long replayed,
            List<String> violations,
            String verify,
            String via,
            long millis,
            Path runDir,
            Map<String, Long> refusals,
            Map<String, Long> ackedByKind) {
        String line() {
            return "crash: db=" + db.name().toLowerCase(java.util.Locale.ROOT) + " ops=" + settings.ops() + " acked="
                    + acked
                    + " refused=" + refused + " kills=" + kills + " retries=" + retries + " unknown_resolved="
                    + unknownResolved + " replayed=" + replayed + " violations=" + violations.size() + " verify="
                    + verify + " via=" + via
                    + " seconds=" + millis / 1000 + " seed=" + settings.seed() + " acked_by_kind=" + ackedByKind;
        }
    }

    private CrashRun() {}

    static Summary run(Db db, Settings s) throws Exception {
        long started = System.currentTimeMillis();
        Path runDir = Files.createDirectories(
                        Path.of("target", "crash", db.name().toLowerCase(java.util.Locale.ROOT) + "-" + started))
                .toAbsolutePath();
        String pgUrl = db == Db.POSTGRES ? Postgres.freshDatabase() : null;
        Map<String, String> dbEnv =
                pgUrl == null ? Map.of() : Map.of("NEOBANK_DB_URL", pgUrl, "NEOBANK_DB_USER", Postgres.USER);
        try (BankProcess bank = new BankProcess(jar(), config(), runDir, dbEnv)) {
            bank.start();
            Api api = new Api(bank.base());
            List<Api.Session> players = new ArrayList<>();
            List<Long> start = new ArrayList<>();
            for (int i = 0; i < s.players(); i++) {
                Api.Session p = api.player("crash");
                players.add(p);
                start.add(api.balance(p));
            }
            IntentLog log = new IntentLog(Long.toString(started, 36));
            CrashClient client = new CrashClient(api, bank, log, players);
            try {
                String vendorKey = terminalKey(api, players.get(0));
                String gmToken = api.login("admin", GM_PASSWORD).token();
                client.run(
                        s.ops(),
                        s.threads(),
                        s.kills(),
                        s.seed(),
                        id -> mixed(players, vendorKey, gmToken, s.seed(), id));
            } catch (RuntimeException e) {
                throw new AssertionError("the run broke down: " + e.getMessage() + "\n" + bank.logTail(), e);
            }
            CrashChecks checks = new CrashChecks();
            checks.balances(api, client, start, log.all());
            boolean routed = checks.verifyRoute(api);
            bank.stop();
            Jdbi jdbi = pgUrl == null
                    ? Jdbi.create("jdbc:sqlite:" + runDir.resolve("data").resolve("neobank.db"), readOnly())
                    : Jdbi.create(pgUrl, Postgres.USER, "");
            jdbi.useHandle(h -> {
                if (pgUrl != null) {
                    h.getConnection().setReadOnly(true);
                }
                checks.journal(h, log.all());
                if (!routed) {
                    checks.verifyDirectly(h);
                }
            });
            return new Summary(
                    db,
                    s,
                    log.count(State.ACKED),
                    log.count(State.REFUSED),
                    client.kills(),
                    client.retries(),
                    log.all().stream()
                            .filter(i -> i.sawUnknown && (i.state == State.ACKED || i.state == State.REFUSED))
                            .count(),
                    log.all().stream().filter(i -> i.replayed).count(),
                    checks.violations(),
                    checks.verify(),
                    checks.via(),
                    System.currentTimeMillis() - started,
                    runDir,
                    log.all().stream()
                            .filter(i -> i.state == State.REFUSED)
                            .collect(java.util.stream.Collectors.groupingBy(
                                    i -> i.lastStatus + " " + i.detail,
                                    java.util.TreeMap::new,
                                    java.util.stream.Collectors.counting())),
                    log.all().stream()
                            .filter(i -> i.state == State.ACKED)
                            .collect(java.util.stream.Collectors.groupingBy(
                                    i -> i.op.kind(), java.util.TreeMap::new, java.util.stream.Collectors.counting())));
        } finally {
            if (pgUrl != null) {
                Postgres.drop(pgUrl); // the journal was checked above; nothing to keep
            }
        }
    }

    /**
     * Mixed work as at the event: mostly P2P transfers, then slot spins, stall charges (player 0
     * runs the stall) and GM grants from the mint. Amounts are big enough that some senders run dry
     * and get refused, while the grants keep a long run's economy from draining into the house.
     */
    static Operation mixed(List<Api.Session> players, String vendorKey, String gmToken, long seed, long id) {
        // SplittableRandom mixes its seed: java.util.Random with adjacent seeds draws nearly the same first numbers.
        SplittableRandom r = new SplittableRandom(seed + id * 0x9E3779B97F4A7C15L);
        int kind = r.nextInt(10);
        int from = r.nextInt(players.size());
        if (kind == 9) {
            return new GrantOp(from, gmToken, players.get(from).accountNumber(), 10_000L * (1 + r.nextInt(10)));
        }
        if (kind < 2) {
            return new SpinOp(from, players.get(from).accountNumber(), 1000L * (1 + r.nextInt(10)));
        }
        if (kind < 4 && from != 0) {
            return new ChargeOp(
                    from,
                    vendorKey,
                    players.get(from).accountNumber(),
                    players.get(0).accountNumber(),
                    1 + r.nextInt(20_000));
        }
        int to = (from + 1 + r.nextInt(players.size() - 1)) % players.size();
        return new TransferOp(
                from, players.get(from).accountNumber(), players.get(to).accountNumber(), 1 + r.nextInt(40_000));
    }

    /** A GM issues the stall's terminal key (charge scope, a rate limit no run reaches). */
    static String terminalKey(Api api, Api.Session vendor) {
        Api.Session gm = api.login("admin", GM_PASSWORD);
        Api.Res key = api.post(
                "/api/admin/api-keys",
                gm.token(),
                "{\"description\":\"crash stall\","
                        + "\"account_number\":\"" + vendor.accountNumber() + "\",\"scopes\":[\"charge\"],"
                        + "\"rate_limit_per_minute\":" + 1_000_000 + "}");
        if (key.status() != 201) {
            throw new IllegalStateException("cannot create the stall's key: " + key.body());
        }
        return key.json().at("/api_key/key_value").asText();
    }

    private static java.util.Properties readOnly() {
        SQLiteConfig c = new SQLiteConfig();
        c.setReadOnly(true);
        return c.toProperties();
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("neobank.jar", "target/neobank.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no fat jar at " + jar.toAbsolutePath() + ": run mvn package first");
        }
        return jar.toAbsolutePath();
    }

    static Path config() {
        Path config = Path.of(System.getProperty("neobank.config", "../config.yml"));
        if (!Files.isRegularFile(config)) {
            throw new UncheckedIOException(new IOException("no service config at " + config.toAbsolutePath()));
        }
        return config.toAbsolutePath();
    }
}
