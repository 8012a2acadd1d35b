package city.neotropolis.neobank.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The bucket as the backups see it: put a checked file under {@code prefix + name}, list the names
 * there, delete one, fetch one. A thin layer over the AWS SDK's S3 client, so that any
 * S3-compatible store works: path-style URLs, and checksums only where the API requires them
 * (stores other than AWS often reject the SDK's newer trailing checksums).
 */
public final class OffsiteStore implements AutoCloseable {
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    OffsiteStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /** A client for {@code config}; the HTTP client is the JDK's own (no Netty, no Apache). */
    public static OffsiteStore open(OffsiteConfig config) {
        return new OffsiteStore(client(config), config.bucket, config.prefix);
    }

    static S3Client client(OffsiteConfig config) {
        AwsCredentialsProvider credentials = config.accessKeyId.isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKeyId, config.secretAccessKey));
        S3ClientBuilder b = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(config.region))
                .credentialsProvider(credentials)
                .forcePathStyle(config.pathStyle)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (!config.endpoint.isBlank()) {
            b.endpointOverride(URI.create(config.endpoint));
        }
        return b.build();
    }

    public String bucket() {
        return bucket;
    }

    /** Where a backup of this name is kept: {@code s3://bucket/prefix+name}. */
    public String uri(String name) {
        return "s3://" + bucket + "/" + prefix + name;
    }

    /**
     * Uploads with the file's MD5 in {@code Content-MD5}: every S3-compatible store checks it and
     * refuses a body that arrived different, so a kept object is the checked backup byte for byte.
     */
    public void put(Path file, String name) {
        String md5 = md5(file);
        s3.putObject(
                r -> r.bucket(bucket)
                        .key(prefix + name)
                        .contentType("application/vnd.sqlite3")
                        .contentMD5(md5),
                RequestBody.fromFile(file));
    }

    private static String md5(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md5.update(buffer, 0, n);
            }
            return Base64.getEncoder().encodeToString(md5.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names (prefix removed) of the objects under the prefix. */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (S3Object o :
                s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents()) {
            out.add(o.key().substring(prefix.length()));
        }
        return out;
    }

    public void delete(String name) {
        s3.deleteObject(r -> r.bucket(bucket).key(prefix + name));
    }

    /** Downloads {@code s3://bucket/key} to {@code target} (which must not exist yet). */
    public static void fetch(OffsiteConfig config, String s3Uri, Path target) {
        String[] bucketAndKey = parse(s3Uri);
        try (S3Client s3 = client(config)) {
            s3.getObject(r -> r.bucket(bucketAndKey[0]).key(bucketAndKey[1]), target);
        } catch (SdkException e) {
            throw new IllegalStateException("Could not download " + s3Uri + ": " + e.getMessage(), e);
        }
    }

    /** {@code s3://bucket/key} as {bucket, key}. */
    static String[] parse(String s3Uri) {
        int slash = s3Uri.startsWith("s3://") ? s3Uri.indexOf('/', 5) : -1;
        if (slash < 6 || slash == s3Uri.length() - 1) {
            throw new IllegalArgumentException("Not an object address: " + s3Uri + " (expected s3://bucket/key)");
        }
        return new String[] {s3Uri.substring(5, slash), s3Uri.substring(slash + 1)};
    }

    @Override
    public void close() {
        s3.close();
    }
}
