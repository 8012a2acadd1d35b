package city.neotropolis.neobank.casino.math;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One game's verified sets: for every whole payout percent from {@link #MIN_PAYOUT} to
 * {@link #MAX_PAYOUT}, reel weights found by {@link OddsSolver} and checked by exact enumeration,
 * with its PAR sheet. Built once at start; immutable afterwards.
 */
public final class GameMath {
    public static final int MIN_PAYOUT = 50;
    public static final int MAX_PAYOUT = 120;
    public static final int DEFAULT_PAYOUT = 96;

    private final Machine machine;
    private final StopProfile profile;
    private final Map<Integer, ReelSet> sets = new TreeMap<>();
    private final Map<Integer, ParSheet> sheets = new TreeMap<>();

    public GameMath(GameDefinition def) {
        machine = new Machine(def);
        int reels = machine.reels();
        long[][] base = new long[reels][];
        for (int r = 0; r < reels; r++) {
            base[r] = def.reels().get(r).weights().stream()
                    .mapToLong(Integer::longValue)
                    .toArray();
        }
        profile = ParCalculator.profile(machine, base);
        int tuning = def.tuningReel();
        int free = machine.hasFreeSpins() ? def.freeSpinsAward() : 0;
        for (int pct = MIN_PAYOUT; pct <= MAX_PAYOUT; pct++) {
            long[][] w = base.clone();
            w[tuning] = OddsSolver.solve(profile, base[tuning], free, pct);
            ReelSet set = new ReelSet(pct, w);
            ParSheet sheet = sheet(set);
            if (Math.abs(sheet.rtp() - pct) > OddsSolver.TOLERANCE) {
                throw new IllegalStateException(def.name() + " at " + pct + " % computes to " + sheet.rtp() + " %");
            }
            sets.put(pct, set);
            sheets.put(pct, sheet);
        }
    }

    /** The games of Chrome Slots, in the order players see them. */
    public static final List<String> GAMES = List.of("glitch_grid", "starlight_smuggler");

    private static final Map<String, GameMath> BUILT = new java.util.concurrent.ConcurrentHashMap<>();

    /** The verified sets of a built-in game, computed once per process. */
    public static GameMath builtIn(String name) {
        if (!GAMES.contains(name)) {
            throw new IllegalArgumentException("Unknown game " + name);
        }
        return BUILT.computeIfAbsent(name, n -> new GameMath(definition(n)));
    }

    /** A built-in game's data file, freshly read. */
    public static GameDefinition definition(String name) {
        return load(DATA_MAPPER, "/casino/" + name + ".json");
    }

    private static final ObjectMapper DATA_MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public static GameDefinition load(ObjectMapper mapper, String resource) {
        try (InputStream in = GameMath.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Missing game data " + resource);
            }
            return mapper.readValue(in, GameDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read game data " + resource, e);
        }
    }

    public Machine machine() {
        return machine;
    }

    /**
     * The largest win one spin can pay, in line-bet units: the maximum over every reel position,
     * all paylines and scatters together. The house must hold this much before a spin starts.
     */
    public long maxWinUnits() {
        return profile.maxWinUnits();
    }

    public StopProfile profile() {
        return profile;
    }

    public ReelSet set(int payoutPercentage) {
        ReelSet s = sets.get(payoutPercentage);
        if (s == null) {
            throw new IllegalArgumentException("No reel set for " + payoutPercentage + " %");
        }
        return s;
    }

    public ParSheet sheet(int payoutPercentage) {
        set(payoutPercentage);
        return sheets.get(payoutPercentage);
    }

    /** Computes a PAR sheet for any weights of the tuning reel (the others are the data file's). */
    public ParSheet sheet(ReelSet set) {
        GameDefinition def = machine.definition();
        int free = machine.hasFreeSpins() ? def.freeSpinsAward() : 0;
        ParCalculator.Moments m = ParCalculator.moments(profile, set.weights(def.tuningReel()), free);
        double sd = Math.sqrt(Math.max(0, m.variance()));
        double lines = machine.lines();
        BigInteger cycle = BigInteger.ONE;
        List<ParSheet.ReelView> reels = new ArrayList<>();
        for (int r = 0; r < machine.reels(); r++) {
            cycle = cycle.multiply(BigInteger.valueOf(set.total(r)));
            List<String> strip = new ArrayList<>();
            List<Long> weights = new ArrayList<>();
            for (int s = 0; s < machine.stops(r); s++) {
                strip.add(machine.glyph(machine.symbolAt(r, s, 0)));
                weights.add(set.weight(r, s));
            }
            reels.add(new ParSheet.ReelView(strip, weights, set.total(r)));
        }
        return new ParSheet(
                def.name(),
                set.payoutPercentage(),
                100 * m.totalReturn(),
                100 * m.baseReturn(),
                100 * (m.totalReturn() - m.baseReturn()),
                100 * m.hitChance(),
                sd,
                1.645 * sd,
                topAward(),
                machine.topLinePay() / lines,
                m.topAwardChance() > 0 ? 1 / m.topAwardChance() : 0,
                m.triggerChance() > 0 ? 1 / m.triggerChance() : 0,
                free > 0 ? free / (1 - free * m.triggerChance()) : 0,
                profile.maxWinUnits() / lines,
                cycle.toString(),
                profile.enumeratedOutcomes(),
                reels);
    }

    private String topAward() {
        GameDefinition def = machine.definition();
        long top = machine.topLinePay();
        for (var e : def.linePays().entrySet()) {
            List<Long> pays = e.getValue();
            for (int n = 0; n < pays.size(); n++) {
                if (pays.get(n) == top) {
                    String glyph = def.symbols().stream()
                            .filter(s -> s.code().equals(e.getKey()))
                            .findFirst()
                            .orElseThrow()
                            .glyph();
                    return n + " × " + glyph + " on a line";
                }
            }
        }
        return "";
    }
}
