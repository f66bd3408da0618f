package io.dukan.aws;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Every AWS client of a function, built once per function instance over one URL-connection HTTP client.
 * Explicit endpoints (the local cloud) win; otherwise the SDK's own resolution applies, which honours
 * AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt; (LocalStack).
 */
@Factory
public class AwsClients {

    private final DukanProperties properties;

    public AwsClients(DukanProperties properties) {
        this.properties = properties;
    }

    /** Secondary: a test may hand the context a clock of its own (expiry without waiting). */
    @Singleton
    @Secondary
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().build();
    }

    /** Secondary: a test may hand the context a client of its own (one that counts the requests a page sends). */
    @Singleton
    @Secondary
    @Bean(preDestroy = "close")
    DynamoDbClient dynamoDb(SdkHttpClient http) {
        return configure(
                        DynamoDbClient.builder().httpClient(http),
                        properties.getEndpoints().getDynamodb())
                .build();
    }

    @Singleton
    @Bean(preDestroy = "close")
    S3Client s3(SdkHttpClient http) {
        String endpoint = properties.getEndpoints().getS3();
        return configure(S3Client.builder().httpClient(http), endpoint)
                .forcePathStyle(endpoint != null)
                .build();
    }

    /** Signs URLs for browsers, which may reach S3 at another address than the function does. */
    @Singleton
    @Bean(preDestroy = "close")
    S3Presigner presigner() {
        String endpoint = properties.getS3PublicEndpoint() != null
                ? properties.getS3PublicEndpoint()
                : properties.getEndpoints().getS3();
        S3Presigner.Builder builder = S3Presigner.builder()
                .credentialsProvider(credentials())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(endpoint != null)
                        .build());
        if (region() != null) {
            builder.region(Region.of(region()));
        }
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder.build();
    }

    /** Only where mail goes through SES (dukan.email.mode=ses, the default). */
    @Singleton
    @Requires(env = {"shop", "provisioning", "fleet"})
    @Requires(property = "dukan.email.mode", value = "ses", defaultValue = "ses")
    @Bean(preDestroy = "close")
    SesV2Client ses(SdkHttpClient http) {
        return configure(
                        SesV2Client.builder().httpClient(http),
                        properties.getEndpoints().getSes())
                .build();
    }

    /** Credentials and region as for every client here, and the endpoint when one is given (other modules' clients). */
    public <B extends AwsClientBuilder<B, ?>> B configure(B builder, String endpoint) {
        builder.credentialsProvider(credentials());
        if (region() != null) {
            builder.region(Region.of(region()));
        }
        if (endpoint != null) {
            builder.endpointOverride(URI.create(endpoint));
        }
        return builder;
    }

    /**
     * Configured, else Lambda's AWS_REGION: named explicitly, so the SDK does not build its region provider chain
     * (profile files, instance metadata) at cold start. Null elsewhere: the SDK's own resolution applies.
     */
    private String region() {
        return properties.getRegion() != null ? properties.getRegion() : System.getenv("AWS_REGION");
    }

    /**
     * Configured keys (the local cloud); on Lambda without SnapStart the role's keys in the environment, read
     * directly rather than through the default chain (whose web-identity, profile, SSO, container and
     * instance-metadata providers load classes at cold start); otherwise the default chain (SnapStart functions get
     * their credentials from a container endpoint, AWS_CONTAINER_CREDENTIALS_FULL_URI, which the chain reads).
     */
    public AwsCredentialsProvider credentials() {
        if (properties.getAccessKeyId() != null && properties.getSecretAccessKey() != null) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(properties.getAccessKeyId(), properties.getSecretAccessKey()));
        }
        if (System.getenv("AWS_LAMBDA_FUNCTION_NAME") != null
                && System.getenv("AWS_ACCESS_KEY_ID") != null
                && System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI") == null) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
