package city.neotropolis.neobank.external;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Postgres;
import city.neotropolis.neobank.support.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@EnabledIf(value = Postgres.AVAILABLE, disabledReason = Postgres.SKIP_REASON)
@DisplayName("Chips (NFC tags) on PostgreSQL")
class ChipPostgresTest extends ChipChecks {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.postgres();

    static Terminals t;

    @BeforeAll
    static void setUp() {
        t = new Terminals(APP);
    }

    @Override
    Terminals terminals() {
        return t;
    }
}
