package city.neotropolis.neobank.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.e2e.support.FirstLoad;
import city.neotropolis.neobank.e2e.support.Service;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(Service.class)
@DisplayName("The first visit")
class FirstLoadTest {
    @Test
    @DisplayName("transfers at most 150 KB, compressed, until the log-in screen is usable")
    void budget() {
        FirstLoad.Result r = FirstLoad.measure(Service.get().base(), false);
        System.out.printf(
                "first load: %,d bytes in %d requests, usable after %.0f ms (unthrottled)%n",
                r.bytes(), r.requests(), r.usableMs());
        assertThat(r.bytes()).isPositive().isLessThanOrEqualTo(150 * 1024);
    }
}
