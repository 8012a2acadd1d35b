package city.neotropolis.neobank.backup;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** SQLite snapshots: a daily one at a set local time, kept for so many days (on-demand ones always work). */
public class BackupConfig {
    @JsonProperty
    public boolean enabled = true;
    /** HH:mm, in {@link #timeZone}. */
    @NotNull
    @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]")
    @JsonProperty
    public String dailyAt = "04:00";

    @NotNull
    @JsonProperty
    public String timeZone = "UTC";

    @Min(1)
    @JsonProperty
    public int retentionDays = 30;

    /** A copy of every checked backup in S3-compatible storage, when a bucket is set. */
    @Valid
    @NotNull
    @JsonProperty
    public OffsiteConfig offsite = new OffsiteConfig();
}
