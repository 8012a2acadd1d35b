package city.neotropolis.neobank;

import city.neotropolis.neobank.accounts.Registration;
import city.neotropolis.neobank.backup.BackupConfig;
import city.neotropolis.neobank.money.Credits;
import city.neotropolis.neobank.stipends.StipendConfig;
import city.neotropolis.neobank.web.HttpsConfig;
import city.neotropolis.neobank.web.RateLimiter;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.Configuration;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.util.Duration;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Everything the service is told from outside: config.yml, with secrets from the environment. */
public class NeoBankConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty("database")
    private DataSourceFactory database = new DataSourceFactory();

    @Valid
    @NotNull
    @JsonProperty("bank")
    private Bank bank = new Bank();

    @Valid
    @NotNull
    @JsonProperty("security")
    private Security security = new Security();

    @Valid
    @NotNull
    @JsonProperty("rateLimits")
    private RateLimits rateLimits = new RateLimits();

    @Valid
    @NotNull
    @JsonProperty("backups")
    private BackupConfig backups = new BackupConfig();

    @Valid
    @NotNull
    @JsonProperty("stipends")
    private StipendConfig stipends = new StipendConfig();

    public StipendConfig getStipends() {
        return stipends;
    }

    @Valid
    @NotNull
    @JsonProperty("https")
    private HttpsConfig https = new HttpsConfig();

    public HttpsConfig getHttps() {
        return https;
    }

    public DataSourceFactory getDatabase() {
        return database;
    }

    public Bank getBank() {
        return bank;
    }

    public Security getSecurity() {
        return security;
    }

    public RateLimits getRateLimits() {
        return rateLimits;
    }

    public BackupConfig getBackups() {
        return backups;
    }

    @Valid
    @NotNull
    @JsonProperty("registration")
    private RegistrationConfig registration = new RegistrationConfig();

    public RegistrationConfig getRegistration() {
        return registration;
    }

    /** Who may create a character themselves; README "Running a real event". */
    public static class RegistrationConfig {
        /** open, code (needs eventCode) or closed. */
        @NotNull
        @JsonProperty
        public String mode = "open";

        @NotNull
        @JsonProperty
        public String eventCode = "";
        /** all: every new character gets bank.startingBalance; gm: only those a GM created or imported. */
        @NotNull
        @JsonProperty
        public String startingBalanceFor = "all";

        public Registration policy() {
            boolean all = switch (startingBalanceFor.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "all" -> true;
                case "gm" -> false;
                default ->
                    throw new IllegalArgumentException(
                            "registration.startingBalanceFor (NEOBANK_STARTING_BALANCE_FOR) must be all or gm, not: "
                                    + startingBalanceFor);
            };
            return new Registration(Registration.Mode.parse(mode), eventCode, all);
        }
    }

    /** The economy and where its data lives. */
    public static class Bank {
        @NotNull
        @JsonProperty
        public String dataDir = "./data";

        @NotNull
        @JsonProperty
        public Credits startingBalance = Credits.of(1000);

        @NotNull
        @JsonProperty
        public Credits maxAmount = Credits.of(1_000_000);

        @NotNull
        @JsonProperty
        public Credits houseBankroll = Credits.of(1_000_000);
        /** Units of writing that may wait for the SQLite writer before new ones get a 503. */
        @Min(16)
        @JsonProperty
        public int writeQueue = 8192;
        /** How many units one SQLite commit may carry. */
        @Min(1)
        @Max(4096)
        @JsonProperty
        public int maxBatch = 256;
        /**
         * Transfers, spins and terminal charges answered before Jersey (web.DirectRoutes): the same
         * answers for less CPU. false sends them through Jersey, a way back should the direct path
         * ever be suspected at an event.
         */
        @JsonProperty
        public boolean directRoutes = true;
    }

    /** Tokens, passwords and browsers. Secrets are read from the environment only. */
    public static class Security {
        @JsonProperty
        public String secretKey;

        @JsonProperty
        public String adminPassword;

        @NotNull
        @JsonProperty
        public Duration tokenLifetime = Duration.hours(24);

        @Min(10)
        @Max(15)
        @JsonProperty
        public int bcryptCost = 10;
        /** bcrypt hashes that may run at once; 0: half the cores (at least 1). */
        @Min(0)
        @JsonProperty
        public int passwordThreads = 0;
        /** bcrypt hashes that may wait for a turn; past it logins and sign-ups get 503 with Retry-After. */
        @Min(0)
        @JsonProperty
        public int passwordQueue = 16;
        /** How long a token's account state may be cached before it is read again. */
        @NotNull
        @JsonProperty
        public Duration principalCache = Duration.seconds(30);
        /** Comma-separated origins allowed by CORS; empty: none. */
        @NotNull
        @JsonProperty
        public String corsOrigins = "";

        @Min(1024)
        @JsonProperty
        public long maxBodyBytes = 64 * 1024;
        /** A request body must be complete this long after its headers, or the answer is 408. */
        @NotNull
        @JsonProperty
        public Duration bodyDeadline = Duration.seconds(10);
        /** Open connections (both ports together) past which new ones wait in the accept queue. */
        @Min(16)
        @JsonProperty
        public int maxConnections = 2000;

        public Set<String> corsOriginSet() {
            return Arrays.stream(corsOrigins.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
    }

    /**
     * Requests per period for each limit, by key; 429 with Retry-After past them. {@code enabled:
     * false} switches them all off (benchmarks); a terminal key's own limit stays, see ApiKeyAuthenticator.
     */
    public static class RateLimits {
        @JsonProperty
        public boolean enabled = true;

        @Valid
        @NotNull
        @JsonProperty
        public Limit loginPerName = new Limit(10, Duration.minutes(1));
        /** A whole venue may share one IP behind NAT: this lets a check-in rush of hundreds through. */
        @Valid
        @NotNull
        @JsonProperty
        public Limit loginPerIp = new Limit(600, Duration.minutes(1));

        @Valid
        @NotNull
        @JsonProperty
        public Limit registerPerIp = new Limit(500, Duration.minutes(10));

        @Valid
        @NotNull
        @JsonProperty
        public Limit transfersPerPlayer = new Limit(60, Duration.minutes(1));
        /** A phone tapping as fast as a person can, not a script. */
        @Valid
        @NotNull
        @JsonProperty
        public Limit spinsPerPlayer = new Limit(120, Duration.minutes(1));
        /** Each attempt costs a bcrypt of the password: a stolen session must not become a password oracle. */
        @Valid
        @NotNull
        @JsonProperty
        public Limit pinSetPerPlayer = new Limit(10, Duration.minutes(10));
    }

    /** One limit: so many requests per period. */
    public static class Limit {
        @Min(1)
        @JsonProperty
        public long requests;

        @NotNull
        @JsonProperty
        public Duration per;

        public Limit() {}

        public Limit(long requests, Duration per) {
            this.requests = requests;
            this.per = per;
        }

        public RateLimiter.Rule rule(String name) {
            return new RateLimiter.Rule(name, requests, per.toJavaDuration());
        }
    }
}
