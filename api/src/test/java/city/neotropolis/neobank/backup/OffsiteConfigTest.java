package city.neotropolis.neobank.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The off-site store's settings")
class OffsiteConfigTest {
    static final Validator VALIDATOR = Validators.newValidator();

    static Set<String> problems(String endpoint, String bucket) {
        OffsiteConfig c = new OffsiteConfig();
        c.endpoint = endpoint;
        c.bucket = bucket;
        return VALIDATOR.validate(c).stream()
                .map((ConstraintViolation<OffsiteConfig> v) -> v.getPropertyPath() + " " + v.getMessage())
                .collect(Collectors.toSet());
    }

    @Test
    @DisplayName("are off by default and accept AWS itself or a self-hosted store's URL")
    void good() {
        assertThat(new OffsiteConfig().enabled()).isFalse();
        assertThat(problems("", "")).isEmpty();
        assertThat(problems("", "neobank-backups")).isEmpty();
        assertThat(problems("http://minio:9000", "bank.event-2026")).isEmpty();
        assertThat(problems("https://s3.eu-central-1.example.com/", "bank")).isEmpty();
    }

    @Test
    @DisplayName("refuse, at start, an endpoint that is not an http(s) URL and a bucket S3 would refuse")
    void bad() {
        assertThat(problems("minio:9000", "bank")).containsExactly("endpoint must be empty or an http(s):// URL");
        assertThat(problems("ftp://host", "bank")).containsExactly("endpoint must be empty or an http(s):// URL");
        assertThat(problems("http://host with space", "bank"))
                .containsExactly("endpoint must be empty or an http(s):// URL");
        for (String bucket : new String[] {"Bank", "b", "bank_1", "-bank", "s3://bank", "x".repeat(64)}) {
            assertThat(problems("", bucket)).as(bucket).containsExactly("bucket must be empty or a valid bucket name");
        }
    }
}
