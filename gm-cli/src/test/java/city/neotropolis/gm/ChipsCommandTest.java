package city.neotropolis.gm;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("gm chips against the real service")
class ChipsCommandTest {
    static final DropwizardAppExtension<NeoBankConfiguration> APP = Service.app();

    String url;
    Path home;

    @BeforeEach
    void logIn() {
        url = Service.url(APP);
        home = Service.loggedIn(url);
    }

    Service.Run gm(String... args) {
        return Service.gm(url, home, "", args);
    }

    @Test
    @DisplayName("link, list, block, unblock, limits and unlink; a second link of one tag is refused")
    void lifecycle() {
        Service.Player player = Service.player(url, "Chipped");
        Service.Run linked = gm(
                "chips",
                "link",
                "--uid",
                "04:9A:3B:21:C2:5E:80",
                "--account",
                player.accountNumber(),
                "--label",
                "Left wrist",
                "--per-charge",
                "15",
                "--per-day",
                "60",
                "--json");
        assertThat(linked.code()).as(linked.toString()).isZero();
        JsonNode chip = linked.json().get("chip");
        long id = chip.get("id").asLong();
        assertThat(chip.get("per_charge_limit").decimalValue()).isEqualByComparingTo("15");
        assertThat(linked.out()).doesNotContainIgnoringCase("9A3B21");

        Service.Run again = gm("chips", "link", "--uid", "049a3b21c25e80", "--account", player.accountNumber());
        assertThat(again.code()).as(again.toString()).isEqualTo(1);
        assertThat(again.err() + again.out()).contains("already linked");

        Service.Run list = gm("chips", "list", "--account", player.accountNumber());
        assertThat(list.code()).as(list.toString()).isZero();
        assertThat(list.out()).contains("Left wrist").contains(player.accountNumber());

        assertThat(gm("chips", "block", Long.toString(id), "--json")
                        .json()
                        .at("/chip/blocked")
                        .asBoolean())
                .isTrue();
        assertThat(gm("chips", "unblock", Long.toString(id), "--json")
                        .json()
                        .at("/chip/blocked")
                        .asBoolean())
                .isFalse();
        Service.Run limits = gm("chips", "limits", Long.toString(id), "--per-charge", "0", "--per-day", "0", "--json");
        assertThat(limits.code()).as(limits.toString()).isZero();
        assertThat(limits.json().at("/chip/per_day_limit").decimalValue()).isEqualByComparingTo("0");

        Service.Run unlinked = gm("chips", "unlink", Long.toString(id));
        assertThat(unlinked.code()).as(unlinked.toString()).isZero();
        assertThat(unlinked.out()).contains("Chip unlinked");
        assertThat(gm("chips", "unlink", Long.toString(id)).code()).isEqualTo(1);
        assertThat(gm("chips", "list", "--account", player.accountNumber(), "--json")
                        .json()
                        .get("chips")
                        .size())
                .isZero();
    }
}
