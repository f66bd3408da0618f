package io.dukan.fleet;

import io.dukan.core.tenant.StoreRef;
import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.StoreCode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.Layer;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * Shop-code versions on AWS: a version's artifact is a layer version ARN (the shop code layer on the managed
 * runtime, the store runtime layer on the custom one: a new {@code sam deploy} publishes a new one). Deploying a
 * version to a store's function is UpdateFunctionConfiguration with that layer and DUKAN_SHOP_VERSION in its
 * environment, then waiting for LastUpdateStatus Successful; with SnapStart a version is published and the alias
 * "live" (what the store's route invokes) moved to it. A rollback is the same call with the previous layer. The
 * check after a deploy is an Invoke of the store's function with its home page's event ({@link #check}).
 */
@Singleton
@Requires(env = FleetWorker.ENVIRONMENT)
@Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
class AwsStoreCode implements StoreCode {

    static final String VERSION_VARIABLE = "DUKAN_SHOP_VERSION";
    static final Duration POLL = Duration.ofSeconds(1);
    /** How long an update may stay InProgress before the deploy is reported failed (the function keeps its code). */
    static final int MAX_POLLS = 40;
    /** The longest a check request is waited for (a cold start of the new code included). */
    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(30);

    private final AwsFleetProperties fleet;
    private final LambdaClient lambda;
    private final ShopVersions versions;
    private final Clock clock;
    private final AwsStoreFleet.Sleeper sleeper;
    private volatile ShopVersion defaultVersion;

    @Inject
    AwsStoreCode(AwsFleetProperties fleet, LambdaClient lambda, ShopVersions versions, Clock clock) {
        this(fleet, lambda, versions, clock, duration -> Thread.sleep(duration.toMillis()));
    }

    AwsStoreCode(
            AwsFleetProperties fleet,
            LambdaClient lambda,
            ShopVersions versions,
            Clock clock,
            AwsStoreFleet.Sleeper sleeper) {
        this.fleet = fleet;
        this.lambda = lambda;
        this.versions = versions;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * The layer the stack deployed, registered as "{layer name}-{N}": what CreateFunction gives a new store until an
     * upgrade finishes (then the fleet's version's layer, {@link AwsStoreFleet#newStoreCode}). A new stack's layer so
     * registers itself on the worker's first use, published only: no store runs it before a campaign moves them.
     */
    @Override
    public ShopVersion defaultVersion() {
        ShopVersion known = defaultVersion;
        if (known != null) {
            return known;
        }
        String arn = fleet.isAotRuntime() ? fleet.getRuntimeLayerArn() : fleet.getShopLayerArn();
        String id = versionId(arn);
        ShopVersion version = versions.version(id).orElseGet(() -> {
            ShopVersion deployed =
                    new ShopVersion(id, arn, clock.instant(), "fleet", "the shop code deployed with the stack");
            versions.publish(deployed);
            return versions.version(id).orElse(deployed);
        });
        defaultVersion = version;
        return version;
    }

    /** arn:aws:lambda:r:a:layer:dukan-shop-code:7 → "dukan-shop-code-7" (at most 40 characters, the end kept). */
    static String versionId(String layerVersionArn) {
        String[] parts = layerVersionArn == null ? new String[0] : layerVersionArn.split(":");
        if (parts.length != 8 || !parts[5].equals("layer") || !parts[7].matches("[0-9]+")) {
            throw new StoreFleetException("not a layer version ARN: " + layerVersionArn);
        }
        String id = (parts[6] + "-" + parts[7]).replaceAll("[^A-Za-z0-9._-]", "-");
        return id.length() <= 40 ? id : id.substring(id.length() - 40);
    }

    @Override
    public void deploy(StoreRef store, ShopVersion version) {
        versionId(version.artifact()); // a layer version ARN, or nothing is changed
        String name = fleet.getNamePrefix() + "-" + store.id().value();
        GetFunctionConfigurationResponse current = awaitUpdated(name);
        Map<String, String> variables = new HashMap<>(
                current.environment() == null || current.environment().variables() == null
                        ? Map.of()
                        : current.environment().variables());
        List<String> layers = current.layers() == null
                ? List.of()
                : current.layers().stream().map(Layer::arn).toList();
        if (!(layers.equals(List.of(version.artifact())) && version.id().equals(variables.get(VERSION_VARIABLE)))) {
            variables.put(VERSION_VARIABLE, version.id());
            try {
                lambda.updateFunctionConfiguration(r -> r.functionName(name)
                        .layers(version.artifact())
                        .environment(Environment.builder().variables(variables).build())
                        .revisionId(current.revisionId()));
            } catch (SdkException e) {
                throw AwsStoreFleet.failure("move function " + name + " to shop version " + version.id(), e);
            }
            awaitUpdated(name);
        }
        if (fleet.isSnapStart()) {
            publishToAlias(name, version);
        }
    }

    /**
     * The check request: a synchronous Invoke of the store's function (its alias "live" with SnapStart, what its route
     * invokes) with the API Gateway event the router forwards for the storefront's home page, GET /s/{slug}/, marked
     * {@value StoreCode#CHECK_HEADER}: {@value StoreCode#CHECK_VALUE}. The status is the answer's statusCode; a
     * function error (a crash, its timeout) or an answer without one is no answer.
     */
    @Override
    public int check(StoreRef store) {
        String name = fleet.getNamePrefix() + "-" + store.id().value();
        byte[] event = checkEvent(store, fleet.getPublicUrl(), clock.instant().toEpochMilli())
                .getBytes(StandardCharsets.UTF_8);
        InvokeResponse response;
        try {
            response = lambda.invoke(r -> {
                r.functionName(name)
                        .payload(SdkBytes.fromByteArray(event))
                        // the store function's own timeout (29 s), retries of a throttled call included
                        .overrideConfiguration(o -> o.apiCallTimeout(CHECK_TIMEOUT));
                if (fleet.isSnapStart()) {
                    r.qualifier(AwsStoreFleet.ALIAS);
                }
            });
        } catch (SdkException e) {
            throw AwsStoreFleet.failure("send the check request to " + name, e);
        }
        String answer = response.payload() == null ? "" : response.payload().asUtf8String();
        if (response.functionError() != null) {
            throw new StoreFleetException(name + " failed on its check request (" + response.functionError() + "): "
                    + (answer.length() <= 200 ? answer : answer.substring(0, 200) + "…"));
        }
        Matcher status = STATUS.matcher(answer);
        if (!status.find()) {
            throw new StoreFleetException(name + " answered its check request without a status code");
        }
        return Integer.parseInt(status.group(1));
    }

    private static final Pattern STATUS = Pattern.compile("\"statusCode\"\\s*:\\s*\"?([0-9]{3})");

    /**
     * The API Gateway (REST, payload 1.0) event of GET /s/{slug}/ as the router hands it to a store's function, on
     * the platform API's host and stage (from {@code publicUrl}).
     */
    static String checkEvent(StoreRef store, String publicUrl, long now) {
        String host = "localhost";
        String stage = "prod";
        if (publicUrl != null && !publicUrl.isBlank()) {
            URI url = URI.create(publicUrl.strip());
            host = url.getHost() == null ? host : url.getHost();
            String path = url.getPath() == null ? "" : url.getPath().replaceAll("^/+|/+$", "");
            stage = path.isEmpty() ? stage : path.split("/")[0];
        }
        String slug = store.slug().value(); // [a-z0-9-]: nothing to escape
        String path = "/s/" + slug + "/";
        String headers = "\"Host\":\"" + host + "\",\"Accept\":\"text/html\",\"User-Agent\":\"dukan-upgrade-check\",\""
                + CHECK_HEADER + "\":\"" + CHECK_VALUE + "\"";
        String multiHeaders = "\"Host\":[\"" + host + "\"],\"Accept\":[\"text/html\"],"
                + "\"User-Agent\":[\"dukan-upgrade-check\"],\"" + CHECK_HEADER + "\":[\"" + CHECK_VALUE + "\"]";
        String requestId = "upgrade-check-" + now + "-" + store.id().value();
        return "{\"resource\":\"/s/{store}\",\"path\":\"" + path + "\",\"httpMethod\":\"GET\","
                + "\"headers\":{" + headers + "},\"multiValueHeaders\":{" + multiHeaders + "},"
                + "\"queryStringParameters\":null,\"multiValueQueryStringParameters\":null,"
                + "\"pathParameters\":{\"store\":\"" + slug + "\"},\"stageVariables\":null,"
                + "\"requestContext\":{\"resourcePath\":\"/s/{store}\",\"httpMethod\":\"GET\","
                + "\"path\":\"/" + stage + path + "\",\"stage\":\"" + stage + "\",\"requestId\":\"" + requestId + "\","
                + "\"domainName\":\"" + host + "\",\"protocol\":\"HTTP/1.1\",\"requestTimeEpoch\":" + now + ","
                + "\"identity\":{\"sourceIp\":\"127.0.0.1\",\"userAgent\":\"dukan-upgrade-check\"}},"
                + "\"body\":null,\"isBase64Encoded\":false}";
    }

    /** The function's configuration once no update is in progress; a failed last update is a failed deploy. */
    private GetFunctionConfigurationResponse awaitUpdated(String name) {
        for (int poll = 0; ; poll++) {
            GetFunctionConfigurationResponse config;
            try {
                config = lambda.getFunctionConfiguration(r -> r.functionName(name));
            } catch (ResourceNotFoundException gone) {
                throw new StoreFleetException("function " + name + " does not exist", gone);
            } catch (SdkException e) {
                throw AwsStoreFleet.failure("read the configuration of " + name, e);
            }
            LastUpdateStatus status = config.lastUpdateStatus();
            if (status == null || status == LastUpdateStatus.SUCCESSFUL) {
                return config;
            }
            if (status == LastUpdateStatus.FAILED) {
                throw new StoreFleetException(
                        "the last update of " + name + " failed: " + config.lastUpdateStatusReason());
            }
            if (poll >= MAX_POLLS) {
                throw new StoreFleetException(
                        "the update of " + name + " is still in progress after " + MAX_POLLS * POLL.toSeconds() + " s");
            }
            try {
                sleeper.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreFleetException("interrupted while waiting for " + name + " to update", e);
            }
        }
    }

    private void publishToAlias(String name, ShopVersion version) {
        String published;
        try {
            published = lambda.publishVersion(r -> r.functionName(name).description("shop " + version.id()))
                    .version();
        } catch (SdkException e) {
            throw AwsStoreFleet.failure("publish a version of " + name, e);
        }
        try {
            lambda.updateAlias(
                    r -> r.functionName(name).name(AwsStoreFleet.ALIAS).functionVersion(published));
        } catch (ResourceNotFoundException noAlias) {
            try {
                lambda.createAlias(
                        r -> r.functionName(name).name(AwsStoreFleet.ALIAS).functionVersion(published));
            } catch (ResourceConflictException raced) {
                lambda.updateAlias(
                        r -> r.functionName(name).name(AwsStoreFleet.ALIAS).functionVersion(published));
            }
        } catch (SdkException e) {
            throw AwsStoreFleet.failure("point alias " + AwsStoreFleet.ALIAS + " of " + name + " at " + published, e);
        }
    }
}
