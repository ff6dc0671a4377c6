package io.reelsmith.storage;

import io.reelsmith.app.files.BlobKeys;
import io.reelsmith.app.files.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects in an S3 bucket (AWS, or an S3-compatible server such as MinIO, Ceph or R2 through
 * {@link Settings#endpoint()} with path-style addressing). The content type is the object's Content-Type,
 * so a blob is one PUT: S3 makes an object visible only once it is whole, which gives the all-or-nothing
 * write {@link BlobStore} promises.
 */
public final class S3BlobStore implements BlobStore, AutoCloseable {
    /**
     * @param endpoint  null for AWS itself; the base URL of an S3-compatible server otherwise
     * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}; most
     *                  S3-compatible servers need it
     * @param accessKey null to use the AWS default credential chain (environment, profile, instance role)
     * @param prefix    where in the bucket our keys go, e.g. {@code reelsmith/} ("" for the bucket root)
     */
    public record Settings(
            String bucket,
            String region,
            URI endpoint,
            boolean pathStyle,
            String accessKey,
            String secretKey,
            String prefix) {
        public Settings {
            if (bucket == null || bucket.isBlank())
                throw new IllegalArgumentException("reelsmith.storage.s3.bucket is required");
            if (region == null || region.isBlank()) region = "us-east-1";
            if ((accessKey == null) != (secretKey == null))
                throw new IllegalArgumentException("give both the S3 access key and secret key, or neither");
            prefix = BlobKeys.normalisePrefix(prefix);
        }

        @Override
        public String toString() { // never log the secret
            return "s3://" + bucket + "/" + prefix + (endpoint == null ? "" : " at " + endpoint);
        }
    }

    private final S3Client s3;
    private final S3Presigner presigner;
    private final Settings settings;

    public S3BlobStore(Settings settings) {
        this.settings = settings;
        this.s3 = client(settings);
        S3Presigner.Builder p = S3Presigner.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials(settings))
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(settings.pathStyle())
                        .build());
        if (settings.endpoint() != null) p.endpointOverride(settings.endpoint());
        this.presigner = p.build();
    }

    private static AwsCredentialsProvider credentials(Settings s) {
        return s.accessKey() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKey(), s.secretKey()));
    }

    static S3Client client(Settings s) {
        S3ClientBuilder b = S3Client.builder()
                .region(Region.of(s.region()))
                .credentialsProvider(credentials(s))
                .forcePathStyle(s.pathStyle());
        if (s.endpoint() != null) {
            // S3-compatible servers often reject the SDK's default CRC trailers on uploads (added in SDK 2.30);
            // send checksums only where the S3 API requires them.
            b.endpointOverride(s.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return b.build();
    }

    @Override
    public Blob put(String kind, byte[] bytes, String contentType) throws IOException {
        String key = BlobKeys.newKey(kind, contentType);
        upload(key, contentType, RequestBody.fromBytes(bytes));
        return new Blob(key, contentType, bytes.length);
    }

    @Override
    public Blob putFile(String key, Path file, String contentType) throws IOException {
        String checked = BlobKeys.check(key);
        upload(checked, contentType, RequestBody.fromFile(file));
        return new Blob(checked, contentType, Files.size(file));
    }

    private void upload(String key, String contentType, RequestBody body) throws IOException {
        call(
                "store " + key + " in",
                () -> s3.putObject(
                        r -> r.bucket(settings.bucket())
                                .key(settings.prefix() + key)
                                .contentType(contentType),
                        body));
    }

    @Override
    public Optional<Blob> find(String key) throws IOException {
        String checked = BlobKeys.check(key);
        return call("look up " + key + " in", () -> {
            try {
                HeadObjectResponse head =
                        s3.headObject(r -> r.bucket(settings.bucket()).key(settings.prefix() + checked));
                return Optional.of(new Blob(checked, head.contentType(), head.contentLength()));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) return Optional.empty();
                throw e;
            }
        });
    }

    @Override
    public InputStream open(String key, long offset) throws IOException {
        String checked = BlobKeys.check(key);
        return call("read " + key + " from", () -> {
            GetObjectRequest.Builder get =
                    GetObjectRequest.builder().bucket(settings.bucket()).key(settings.prefix() + checked);
            if (offset > 0) get.range("bytes=" + offset + "-"); // S3 sends only that part
            try {
                return s3.getObject(get.build());
            } catch (S3Exception e) {
                if (e.statusCode() == 404) throw new NoSuchFileException(key);
                throw e;
            }
        });
    }

    @Override
    public void delete(String key) throws IOException {
        String checked = BlobKeys.check(key);
        call(
                "delete " + key + " from",
                () -> s3.deleteObject(
                        r -> r.bucket(settings.bucket()).key(settings.prefix() + checked))); // no error if absent
    }

    @Override
    public List<Blob> list(String prefix) throws IOException {
        String checked = BlobKeys.checkPrefix(prefix);
        return call("list " + prefix + " in", () -> {
            List<Blob> out = new ArrayList<>();
            for (S3Object o : s3.listObjectsV2Paginator(
                            r -> r.bucket(settings.bucket()).prefix(settings.prefix() + checked))
                    .contents()) {
                // A listing carries no content type, and no caller of a listing needs one (a run's restore, a
                // regeneration's forget): one request per file less than a HEAD each; find() has the type.
                out.add(new Blob(o.key().substring(settings.prefix().length()), null, o.size()));
            }
            return out;
        });
    }

    @Override
    public Optional<URI> signedUrl(String key, Duration ttl, String downloadName) throws IOException {
        String checked = BlobKeys.check(key);
        try {
            var signed = presigner.presignGetObject(r -> r.signatureDuration(ttl)
                    .getObjectRequest(g -> g.bucket(settings.bucket())
                            .key(settings.prefix() + checked)
                            .responseContentDisposition("attachment; filename=\"" + downloadName + "\"")));
            return Optional.of(signed.url().toURI());
        } catch (SdkException | URISyntaxException e) {
            throw new IOException("could not sign a URL for " + key + " in " + settings + ": " + e.getMessage(), e);
        }
    }

    private <T> T call(String doing, RemoteCall.Body<T> body) throws IOException {
        return RemoteCall.run(SdkException.class, doing, settings.toString(), body);
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
    }
}
