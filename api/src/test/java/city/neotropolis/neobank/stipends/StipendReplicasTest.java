package city.neotropolis.neobank.stipends;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankApplication;
import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.ledger.LedgerVerifier;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two whole service instances (in one JVM, each with its own pools, writer and scheduler looking
 * every 100 ms) on one PostgreSQL database, as two replicas behind a Service: a stipend due while
 * both run is paid once to every recipient.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Stipends on two replicas sharing one PostgreSQL database")
class StipendReplicasTest {
    static final String URL = Postgres.available() ? Postgres.freshDatabase() : "jdbc:postgresql://127.0.0.1:5432/x";
    static final DropwizardAppExtension<NeoBankConfiguration> ONE = replica("replica1");
    static final DropwizardAppExtension<NeoBankConfiguration> TWO = replica("replica2");

    /**
     * Each replica reads its overrides under a prefix of its own: overrides are system properties,
     * restored to what they were before each start, so two instances sharing the default prefix
     * would leave the second one's values behind for every later test in this JVM.
     */
    static DropwizardAppExtension<NeoBankConfiguration> replica(String prefix) {
        return new DropwizardAppExtension<>(
                NeoBankApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"),
                prefix,
                ConfigOverride.config(prefix, "database.url", URL),
                ConfigOverride.config(prefix, "database.user", Postgres.USER),
                ConfigOverride.config(prefix, "bank.dataDir", TestApp.tempDir().toString()),
                ConfigOverride.config(prefix, "rateLimits.enabled", "false"),
                ConfigOverride.config(prefix, "stipends.checkEvery", "100ms"));
    }

    @Test
    @DisplayName("neither replica's settings outlive it in this JVM")
    void prefixesKeptApart() {
        assertThat(System.getProperty("dw.rateLimits.enabled")).isNull();
        assertThat(System.getProperty("replica1.rateLimits.enabled")).isEqualTo("false");
    }

    @Test
    @DisplayName("both schedulers race for the slot; every member is paid exactly once and the books verify")
    void paidOnce() {
        Api one = TestApp.api(ONE);
        Api two = TestApp.api(TWO);
        Api.Session gm = one.gm();
        String faction = Api.uniqueName("Replica");
        List<Api.Session> members = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Api.Session p = (i % 2 == 0 ? one : two).player("rep");
            assertThat(one.put(
                                    "/api/admin/factions/members/" + p.accountNumber(),
                                    gm.token(),
                                    "{\"faction\":\"" + faction + "\"}")
                            .status())
                    .isEqualTo(200);
            members.add(p);
        }
        String name = Api.uniqueName("Shift pay");
        String at = Instant.now().plusSeconds(2).toString();
        Api.Res made = two.post(
                "/api/admin/stipends",
                two.gm().token(),
                "{\"name\":\"" + name + "\",\"amount\":7.5,\"recipients\":\"faction\",\"faction\":\"" + faction
                        + "\",\"schedule\":\"once\",\"at\":\"" + at + "\"}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().at("/stipend/id").asLong();

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (one.get("/api/admin/stipends/" + id, gm.token())
                .json()
                .get("slots")
                .isEmpty()) {
            assertThat(System.nanoTime()).as("the slot is paid within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
        // Each replica is asked to pay what is due once more: the slot is taken, nothing moves.
        assertThat(one.post("/api/admin/stipends/run-due", gm.token(), "")
                        .json()
                        .get("slots_paid")
                        .asInt())
                .isZero();
        assertThat(two.post("/api/admin/stipends/run-due", gm.token(), "")
                        .json()
                        .get("slots_paid")
                        .asInt())
                .isZero();

        var slots = two.get("/api/admin/stipends/" + id, gm.token()).json().get("slots");
        assertThat(slots).hasSize(1);
        assertThat(slots.get(0).get("paid_count").asInt()).isEqualTo(20);
        for (Api.Session m : members) {
            assertThat(one.balance(m)).as(m.name()).isEqualTo(100_000 + 750);
        }
        long payments = ONE.<NeoBankApplication>getApplication()
                .database()
                .reads()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM transactions WHERE type = 'stipend' AND memo = :m")
                        .bind("m", name)
                        .mapTo(Long.class)
                        .one());
        assertThat(payments).isEqualTo(20);
        assertThat(new LedgerVerifier(ONE.<NeoBankApplication>getApplication().database())
                        .verify()
                        .ok())
                .isTrue();
    }
}
