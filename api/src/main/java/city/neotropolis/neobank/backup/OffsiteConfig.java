package city.neotropolis.neobank.backup;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.NotNull;

/**
 * Where checked backups are copied off the machine: an S3-compatible bucket (AWS S3, MinIO, Ceph,
 * Garage, ...). Off while {@link #bucket} is empty. Keys come from the environment (config.yml);
 * left empty, the AWS SDK's default chain is used (AWS_* variables, profiles, pod identity).
 */
public class OffsiteConfig {
    /** Empty: AWS S3 itself; else the store's URL, e.g. {@code http://minio:9000}. */
    @NotNull
    @JsonProperty
    public String endpoint = "";

    @NotNull
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
