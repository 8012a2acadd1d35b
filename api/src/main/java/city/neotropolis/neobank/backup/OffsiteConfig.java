package city.neotropolis.neobank.backup;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where checked backups are copied off the machine: an S3-compatible bucket (AWS S3, MinIO, Ceph,
 * Garage, ...). Off while {@link #bucket} is empty. Keys come from the environment (config.yml);
 * left empty, the AWS SDK's default chain is used (AWS_* variables, profiles, pod identity).
 */
public class OffsiteConfig {
    /** Empty: AWS S3 itself; else the store's URL, e.g. {@code http://minio:9000}. */
    @NotNull
    @Pattern(regexp = "(https?://[^\\s/]+(/\\S*)?)?", message = "must be empty or an http(s):// URL")
    @JsonProperty
    public String endpoint = "";

    /** S3's rule for bucket names (3-63 lowercase letters, digits, dots, hyphens), or empty for off. */
    @NotNull
    @Pattern(regexp = "([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])?", message = "must be empty or a valid bucket name")
    @JsonProperty
    public String bucket = "";

    /** Put in front of each backup's name; {@code neobank/} keeps several services apart in one bucket. */
    @NotNull
    @JsonProperty
    public String prefix = "neobank/";

    @NotNull
    @JsonProperty
    public String region = "us-east-1";

    @NotNull
    @JsonProperty
    public String accessKeyId = "";

    @NotNull
    @JsonProperty
    public String secretAccessKey = "";

    /** Path-style URLs ({@code endpoint/bucket/key}): what most self-hosted stores expect. */
    @JsonProperty
    public boolean pathStyle = true;

    /** How soon a failed upload is tried again (and how often pending ones are looked for). */
    @NotNull
    @JsonProperty
    public Duration retryEvery = Duration.minutes(5);

    public boolean enabled() {
        return !bucket.isBlank();
    }
}
