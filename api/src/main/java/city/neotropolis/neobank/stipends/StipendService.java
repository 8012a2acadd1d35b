package city.neotropolis.neobank.stipends;

import city.neotropolis.neobank.accounts.AccountNumbers;
import city.neotropolis.neobank.accounts.AccountService;
import city.neotropolis.neobank.audit.AuditLog;
import city.neotropolis.neobank.auth.Player;
import city.neotropolis.neobank.db.Database;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.web.ApiException;
import city.neotropolis.neobank.web.Input;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** GMs define, edit, pause, resume and delete stipends; every change is audited. */
public final class StipendService {
    public static final int NAME_MAX = 64;
    public static final int ACCOUNTS_MAX = 500;
    public static final int DAYS_MAX = 366;
    public static final int SLOTS_SHOWN = 100;

    /** What a GM sends to create or (in full) edit a stipend. */
    public record Request(
            String name,
            Credits amount,
            String recipients,
            String faction,
            List<String> accounts,
            String schedule,
            String time,
            String from,
            String until,
            String at,
            String catchUp) {}

    /** A stipend with its latest processed slots, newest first. */
    public record Details(StipendView stipend, List<StipendView.SlotView> slots) {}

    private record Checked(Stipend stipend, List<String> accounts) {}

    private final Database db;
    private final AuditLog audit;
    private final StipendPayer payer;
    private final Clock clock;
    private final Credits maxAmount;

    public StipendService(Database db, AuditLog audit, StipendPayer payer, Clock clock, Credits maxAmount) {
        this.db = db;
        this.audit = audit;
        this.payer = payer;
        this.clock = clock;
        this.maxAmount = maxAmount;
    }

    public List<StipendView> list() {
        long now = clock.millis();
        return db.reads()
                .withExtension(
                        StipendDao.class,
                        dao -> dao.listed().stream()
                                .map(s -> StipendView.of(s, dao.accountNumbers(s.id()), payer.zone(), now))
                                .toList());
    }

    public Details details(long id) {
        long now = clock.millis();
        return db.reads().withExtension(StipendDao.class, dao -> {
            Stipend s = dao.byId(id).orElseThrow(StipendService::notFound);
            return new Details(
                    StipendView.of(s, dao.accountNumbers(id), payer.zone(), now),
                    dao.slots(id, SLOTS_SHOWN).stream()
                            .map(x -> StipendView.SlotView.of(x, payer.zone()))
                            .toList());
        });
    }

    public StipendView create(Player gm, Request body) {
        long now = clock.millis();
        Checked c = check(gm, Input.required(body, "request body"), 0, now);
        long id = db.writer().write(w -> {
            StipendDao dao = w.dao(StipendDao.class);
            long newId = dao.insert(c.stipend());
            link(dao, newId, c.accounts());
            audit.record(w, gm.characterName(), "create_stipend", c.stipend().name(), describe(c.stipend(), newId));
            return newId;
        });
        return view(id);
    }

    public StipendView edit(Player gm, long id, Request body) {
        long now = clock.millis();
        Checked c = check(gm, Input.required(body, "request body"), id, now);
        db.writer().write(w -> {
            StipendDao dao = w.dao(StipendDao.class);
            if (dao.update(c.stipend()) == 0) {
                throw notFound();
            }
            link(dao, id, c.accounts());
            audit.record(w, gm.characterName(), "edit_stipend", c.stipend().name(), describe(c.stipend(), id));
            return null;
        });
        return view(id);
    }

    /** Paused stipends pay nothing; resuming never pays the slots that passed while paused. */
    public StipendView setPaused(Player gm, long id, boolean paused) {
        long now = clock.millis();
        db.writer().write(w -> {
            StipendDao dao = w.dao(StipendDao.class);
            Stipend s = dao.byId(id).orElseThrow(StipendService::notFound);
            dao.setPaused(id, paused, now);
            audit.record(
                    w, gm.characterName(), paused ? "pause_stipend" : "resume_stipend", s.name(), "stipend=#" + id);
            return null;
        });
        return view(id);
    }

    /** Stops it for good; the slots it paid stay in the journal and in its history. */
    public String delete(Player gm, long id) {
        long now = clock.millis();
        return db.writer().write(w -> {
            StipendDao dao = w.dao(StipendDao.class);
            Stipend s = dao.byId(id).orElseThrow(StipendService::notFound);
            dao.delete(id, now);
            audit.record(w, gm.characterName(), "delete_stipend", s.name(), "stipend=#" + id);
            return s.name();
        });
    }

    /** Pays what is due now (the scheduler does the same on its own every few seconds). */
    public StipendPayer.Run runDue() {
        return payer.runDue(clock.millis());
    }

    private StipendView view(long id) {
        return details(id).stipend();
    }

    private static void link(StipendDao dao, long id, List<String> accounts) {
        dao.clearAccounts(id);
        if (!accounts.isEmpty()) {
            for (long accountId : dao.accountIds(accounts)) {
                dao.addAccount(id, accountId);
            }
        }
    }

    private static String describe(Stipend s, long id) {
        return "stipend=#" + id + " amount=" + s.amount() + " to=" + s.recipients()
                + (s.faction().isEmpty() ? "" : ":" + s.faction()) + " schedule=" + s.schedule()
                + (Stipend.DAILY.equals(s.schedule())
                        ? " " + s.timeOfDay() + " " + s.startDate() + ".." + s.endDate()
                        : " at=" + s.onceAt())
                + " catch_up=" + s.catchUp();
    }

    static ApiException notFound() {
        return ApiException.notFound("Stipend not found");
    }

    private Checked check(Player gm, Request r, long id, long now) {
        String name = Input.text(r.name(), "name", 1, NAME_MAX);
        Credits amount = Input.positiveAmount(r.amount(), maxAmount, "amount");
        String recipients = oneOf(r.recipients(), "recipients", Stipend.ALL, Stipend.FACTION, Stipend.ACCOUNTS);
        String faction = "";
        List<String> accounts = List.of();
        if (Stipend.FACTION.equals(recipients)) {
            faction = Input.text(r.faction(), "faction", 1, AccountService.FACTION_MAX);
        } else if (Stipend.ACCOUNTS.equals(recipients)) {
            accounts = accounts(r.accounts());
        }
        String schedule = oneOf(r.schedule(), "schedule", Stipend.DAILY, Stipend.ONCE);
        String catchUp = r.catchUp() == null ? Stipend.PAY : oneOf(r.catchUp(), "catch_up", Stipend.PAY, Stipend.SKIP);
        ZoneId zone = payer.zone();
        String time = null;
        String from = null;
        String until = null;
        Long at = null;
        if (Stipend.DAILY.equals(schedule)) {
            time = time(r.time());
            LocalDate f = date(r.from(), "from");
            LocalDate u = date(r.until(), "until");
            if (u.isBefore(f)) {
                throw ApiException.badRequest("until must not be before from");
            }
            if (ChronoUnit.DAYS.between(f, u) >= DAYS_MAX) {
                throw ApiException.badRequest("a daily stipend runs for at most " + DAYS_MAX + " days");
            }
            from = f.toString();
            until = u.toString();
        } else {
            at = instant(r.at(), zone);
        }
        Stipend s = new Stipend(
                id,
                name,
                amount,
                recipients,
                faction,
                schedule,
                time,
                from,
                until,
                at,
                catchUp,
                false,
                false,
                now,
                gm.characterName(),
                now,
                now);
        if (Slots.next(s, zone, now) == null) {
            throw ApiException.badRequest("This schedule has no payday after now (" + zone.getId() + ")");
        }
        return new Checked(s, accounts);
    }

    private List<String> accounts(List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            throw ApiException.badRequest("accounts must list at least one account number");
        }
        if (raw.size() > ACCOUNTS_MAX) {
            throw ApiException.badRequest("accounts may list at most " + ACCOUNTS_MAX + " account numbers");
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (String typed : raw) {
            String n = typed == null ? null : AccountNumbers.normalize(typed);
            if (n == null) {
                throw ApiException.badRequest(
                        "accounts: " + (typed == null ? "null" : "'" + typed + "'") + " is not an account number");
            }
            numbers.add(n);
        }
        List<String> list = new ArrayList<>(numbers);
        int known = db.reads()
                .withExtension(StipendDao.class, dao -> dao.accountIds(list).size());
        if (known != list.size()) {
            List<String> unknown = new ArrayList<>();
            for (String n : list) {
                if (db.reads()
                        .withExtension(StipendDao.class, dao -> dao.accountIds(List.of(n)))
                        .isEmpty()) {
                    unknown.add(n);
                }
            }
            throw ApiException.badRequest("Unknown account: " + String.join(", ", unknown));
        }
        return list;
    }

    private static String oneOf(String value, String field, String... allowed) {
        String v = Input.required(value, field);
        for (String a : allowed) {
            if (a.equals(v)) {
                return v;
            }
        }
        throw ApiException.badRequest(field + " must be one of: " + String.join(", ", allowed));
    }

    private static String time(String raw) {
        String t = Input.required(raw, "time");
        if (!t.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            throw ApiException.badRequest("time must be HH:MM (24 h), e.g. 18:00");
        }
        return LocalTime.parse(t).toString();
    }

    private static LocalDate date(String raw, String field) {
        String d = Input.required(raw, field);
        try {
            if (!d.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
                throw new DateTimeException(d);
            }
            return LocalDate.parse(d);
        } catch (DateTimeException e) {
            throw ApiException.badRequest(field + " must be a date YYYY-MM-DD");
        }
    }

    /** An instant with Z or an offset, or a local date-time in the event's zone. */
    private static long instant(String raw, ZoneId zone) {
        String a = Input.text(raw, "at", 1, 40);
        try {
            return OffsetDateTime.parse(a).toInstant().toEpochMilli();
        } catch (DateTimeException withoutOffset) {
            try {
                return LocalDateTime.parse(a).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeException e) {
                throw ApiException.badRequest("at must be a date and time, e.g. 2026-06-13T18:00 (" + zone.getId()
                        + ") or 2026-06-13T16:00Z");
            }
        }
    }
}
