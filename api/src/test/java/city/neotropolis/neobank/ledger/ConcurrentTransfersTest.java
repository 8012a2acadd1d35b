package city.neotropolis.neobank.ledger;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("32 threads x 200 random transfers among 20 accounts, 10 % retried with the same key")
class ConcurrentTransfersTest {

    static void storm(DropwizardAppExtension<NeoBankConfiguration> app) throws Exception {
        Api api = TestApp.api(app);
        List<Api.Session> players = new ArrayList<>();
        for (int i = 0; i < TransferStorm.ACCOUNTS; i++) {
            players.add(api.player("storm"));
        }
        TransferStorm.Outcome o = TransferStorm.run(api, players, 7);
        TransferStorm.check(app.getApplication(), api, players, 100_000, o);
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @DisplayName("on SQLite")
    class OnSqlite {
        static final DropwizardAppExtension<NeoBankConfiguration> APP =
                TestApp.sqlite(ConfigOverride.config("rateLimits.enabled", "false"));

        @Test
        @DisplayName("no 5xx, balances equal the acknowledged transfers, the books verify")
        void storm() throws Exception {
            ConcurrentTransfersTest.storm(APP);
        }
    }

    @Nested
    @ExtendWith(DropwizardExtensionsSupport.class)
    @EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
    @DisplayName("on PostgreSQL")
    class OnPostgres {
        static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres(
                ConfigOverride.config("rateLimits.enabled", "false"), ConfigOverride.config("database.maxSize", "32"));

        @Test
        @DisplayName("no 5xx, balances equal the acknowledged transfers, the books verify")
        void storm() throws Exception {
            ConcurrentTransfersTest.storm(APP);
        }
    }
}
