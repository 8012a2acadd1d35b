package city.neotropolis.neobank.health;

import static org.assertj.core.api.Assertions.assertThat;

import city.neotropolis.neobank.NeoBankConfiguration;
import city.neotropolis.neobank.support.Api;
import city.neotropolis.neobank.support.S3Server;
import city.neotropolis.neobank.support.Scrape;
import city.neotropolis.neobank.support.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The alert rules and the Grafana dashboard name only metrics a running service exports: a renamed
 * metric would otherwise leave an alert that can never fire and a panel that stays empty.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@DisplayName("The alert rules and the dashboard")
class MetricsContractTest {
    static final Path RULES = Path.of("../ops/prometheus/neobank-rules.yml");
    static final Path DASHBOARD = Path.of("../ops/grafana/neobank-dashboard.json");
    // Off-site backups configured (towards a port nothing listens on), so their metrics exist too.
    static final DropwizardAppExtension<NeoBankConfiguration> APP = TestApp.sqlite(
            ConfigOverride.config("rateLimits.enabled", "false"),
            ConfigOverride.config("backups.offsite.endpoint", "http://127.0.0.1:" + S3Server.freePort()),
            ConfigOverride.config("backups.offsite.bucket", "nowhere"),
            ConfigOverride.config("backups.offsite.accessKeyId", "x"),
            ConfigOverride.config("backups.offsite.secretAccessKey", "y"));
    // Written by Prometheus itself, not by the service.
    static final Set<String> FROM_PROMETHEUS = Set.of("up");
    static final Pattern NAME = Pattern.compile("\\b(neobank_[a-z0-9_]+|up)\\b");

    static Scrape scrape;

    @BeforeAll
    static void exercise() {
        Api api = TestApp.api(APP);
        Api.Session p = api.player("contract");
        // One spin: the realised RTP exists once something was wagered.
        assertThat(api.post("/api/v1/casino/glitch-grid/spin", p.token(), "{\"bet_amount\": 10}")
                        .status())
                .isEqualTo(200);
        scrape = Scrape.of(APP.getAdminPort());
    }

    static Set<String> namesIn(List<String> expressions) {
        Set<String> names = new TreeSet<>();
        for (String e : expressions) {
            // Label values and annotation text can mention metric names too; only the expression counts.
            Matcher m = NAME.matcher(e.replaceAll("\"[^\"]*\"", "\"\""));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static List<String> ruleExpressions() throws Exception {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode group : rules.get("groups")) {
            for (JsonNode rule : group.get("rules")) {
                assertThat(rule.path("alert").asText())
                        .as("every rule is an alert with a name")
                        .isNotBlank();
                assertThat(rule.path("labels").path("severity").asText())
                        .as(rule.path("alert").asText())
                        .isIn("critical", "warning");
                assertThat(rule.path("annotations").path("summary").asText()).isNotBlank();
                out.add(rule.get("expr").asText());
            }
        }
        return out;
    }

    static List<String> dashboardExpressions() throws Exception {
        JsonNode dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        List<String> out = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(panel.get("targets")).as(panel.path("title").asText()).isNotEmpty();
            for (JsonNode target : panel.get("targets")) {
                out.add(target.get("expr").asText());
            }
        }
        return out;
    }

    @Test
    @DisplayName("alert only on metrics the service exports")
    void rules() throws Exception {
        Set<String> named = namesIn(ruleExpressions());
        assertThat(named)
                .contains(
                        "neobank_ledger_verify_ok",
                        "neobank_backup_age_seconds",
                        "neobank_house_balance_credits",
                        "neobank_http_request_duration_seconds_bucket");
        named.removeAll(FROM_PROMETHEUS);
        assertThat(scrape.names()).containsAll(named);
    }

    @Test
    @DisplayName("chart only metrics the service exports")
    void dashboard() throws Exception {
        Set<String> named = namesIn(dashboardExpressions());
        assertThat(named).hasSizeGreaterThan(15);
        named.removeAll(FROM_PROMETHEUS);
        assertThat(scrape.names()).containsAll(named);
    }

    @Test
    @DisplayName("and the check itself notices a metric that is not exported")
    void checkBites() {
        Set<String> named =
                namesIn(List.of("rate(neobank_transfers_made_total[5m]) > 0 and on() up{job=\"neobank_x\"}"));
        assertThat(named).containsExactly("neobank_transfers_made_total", "up");
        assertThat(scrape.names()).doesNotContain("neobank_transfers_made_total");
    }
}
