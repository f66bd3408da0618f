package io.dukan.fleet;

import io.dukan.core.tenant.StoreFleet;
import io.dukan.core.tenant.StoreRef;
import io.dukan.core.upgrade.ShopVersion;
import io.dukan.core.upgrade.ShopVersions;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.CreateFunctionRequest;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionCode;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceConflictException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.SnapStart;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Each store on AWS: an execution role fenced to the store's keys, a function running the shared shop layer with
 * the store's configuration, and one routing entry the platform's router reads (no API resource, no deployment). Every call is idempotent, and
 * a call that fails part-way removes what it made before it reports the failure.
 */
@Singleton
@Requires(env = FleetWorker.ENVIRONMENT)
@Requires(property = "dukan.fleet.mode", value = "aws", defaultValue = "aws")
class AwsStoreFleet implements StoreFleet {

    private static final System.Logger LOG = System.getLogger(AwsStoreFleet.class.getName());

    static final String POLICY_NAME = "store-access";
    static final String TENANT_TAG = "dukan:tenant-id";
    static final String SLUG_TAG = "dukan:store-slug";
    static final int TIMEOUT_SECONDS = 29;
    static final String JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
    /** Routing entries: pk PLATFORM#ROUTE#{slug}, sk ROUTE (read by io.dukan.router.StoreRouter). */
    static final String ROUTE_PREFIX = "PLATFORM#ROUTE#";

    static final String ROUTE_SORT_KEY = "ROUTE";
    /** The alias a store's route invokes when SnapStart is on: the store's published version with its snapshot. */
    static final String ALIAS = "live";

    static final Duration SNAP_START_POLL = Duration.ofSeconds(1);
    /** A new role takes seconds to become assumable by Lambda; waits between CreateFunction attempts. */
    static final List<Duration> ROLE_PROPAGATION_DELAYS = List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));

    /** Waits between retries; tests pass one that only records. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final AwsFleetProperties fleet;
    private final ShopVersions versions;
    private final IamClient iam;
    private final LambdaClient lambda;
    private final DynamoDbClient dynamo;
    private final CloudWatchLogsClient logs;
    private final Shards shards;
    private final String table;
    private final Sleeper sleeper;
    private final String partition;
    private final String region;
    private final StorePolicies policies;
    private final SdkBytes placeholderCode;

    @Inject
    AwsStoreFleet(
            AwsFleetProperties fleet,
            ShopVersions versions,
            IamClient iam,
            LambdaClient lambda,
            DynamoDbClient dynamo,
            CloudWatchLogsClient logs) {
        this(fleet, versions, iam, lambda, dynamo, logs, duration -> Thread.sleep(duration.toMillis()));
    }

    AwsStoreFleet(
            AwsFleetProperties fleet,
            ShopVersions versions,
            IamClient iam,
            LambdaClient lambda,
            DynamoDbClient dynamo,
            CloudWatchLogsClient logs,
            Sleeper sleeper) {
        List<String> missing = fleet.missingSettings();
        if (!missing.isEmpty()) {
            throw new StoreFleetException("the AWS store fleet is not configured: set " + String.join(", ", missing)
                    + " on the provisioning function (or dukan.fleet.mode=local to use the local cloud's fleet)");
        }
        if (fleet.isAotRuntime() && fleet.isSnapStart()) {
            throw new StoreFleetException("SnapStart needs the managed runtime: set DUKAN_FLEET_RUNTIME=java25 with "
                    + "DUKAN_FLEET_SNAP_START=true (the custom runtime starts from its AOT cache instead)");
        }
        Region lambdaRegion = lambda.serviceClientConfiguration().region();
        if (lambdaRegion == null) {
            throw new StoreFleetException("the Lambda client has no region: set AWS_REGION or dukan.region");
        }
        this.fleet = fleet;
        this.versions = versions;
        this.iam = iam;
        this.lambda = lambda;
        this.dynamo = dynamo;
        this.logs = logs;
        this.table = Arns.tableName(fleet.getTableArn());
        this.shards = new Shards(dynamo, table, fleet.shards(), fleet.getStoresPerAccount());
        this.sleeper = sleeper;
        this.partition = Arns.partition(fleet.getTableArn());
        this.region = lambdaRegion.id();
        this.policies = new StorePolicies(
                fleet.getTableArn(),
                fleet.getBucketArn(),
                region,
                fleet.getAccountId(),
                "ses".equals(fleet.getEmailMode()) ? fleet.getEmailFrom() : null,
                fleet.getQueueArn());
        this.placeholderCode = SdkBytes.fromByteArray(placeholderZip());
        // Fail at init, not at the first signup, when an ARN is malformed.
        Arns.tableName(fleet.getTableArn());
        Arns.bucketName(fleet.getBucketArn());
    }

    // --- function -------------------------------------------------------------------------------------------------

    @Override
    public void createFunction(StoreRef store) {
        String name = functionName(store);
        String shard = shards.join(store);
        if (!shard.equals(fleet.getAccountId())) {
            shards.leave(store);
            throw new StoreFleetException("store " + store.id() + " belongs in shard account " + shard
                    + ", and this worker provisions only in its own account " + fleet.getAccountId()
                    + " (cross-account shards are not built yet; see infra/aws/README.md)");
        }
        try {
            attempt(
                    "create log group " + logGroup(name),
                    () -> logs.createLogGroup(r -> r.logGroupName(logGroup(name))
                            .tags(Map.of(TENANT_TAG, store.id().value()))),
                    ResourceAlreadyExistsException.class);
            attempt(
                    "set the retention of " + logGroup(name),
                    () -> logs.putRetentionPolicy(
                            r -> r.logGroupName(logGroup(name)).retentionInDays(fleet.getLogRetentionDays())));
            attempt(
                    "create role " + name,
                    () -> iam.createRole(r -> r.roleName(name)
                            .path(rolePath())
                            .description("Execution role of Dukan store " + store.slug() + " (" + store.id() + ")")
                            .assumeRolePolicyDocument(StorePolicies.trustPolicy())
                            .permissionsBoundary(fleet.getPermissionsBoundaryArn())
                            .tags(
                                    Tag.builder()
                                            .key(TENANT_TAG)
                                            .value(store.id().value())
                                            .build(),
                                    Tag.builder()
                                            .key(SLUG_TAG)
                                            .value(store.slug().value())
                                            .build())),
                    EntityAlreadyExistsException.class);
            attempt(
                    "put policy " + POLICY_NAME + " on role " + name,
                    () -> iam.putRolePolicy(r -> r.roleName(name)
                            .policyName(POLICY_NAME)
                            .policyDocument(policies.storePolicy(store.id(), name))));
            createFunctionOnceRoleIsUsable(store, name);
        } catch (StoreFleetException failure) {
            undoAfter(failure, () -> deleteFunction(store));
            throw failure;
        }
    }

    /** A new store's layer and the version id it is recorded under (null when the layer is no layer version). */
    record NewStoreCode(String layer, String version) {}

    /**
     * The layer (and its version id) a store function made now runs: the fleet's version, which the last finished
     * upgrade moved every store to ({@link ShopVersions#fleetVersion}), else the layer the stack deployed. A new
     * stack's layer is so only published: new stores get it once an upgrade has moved the fleet to it.
     */
    NewStoreCode newStoreCode() {
        Optional<ShopVersion> fleetVersion = versions.fleetVersion().flatMap(versions::version);
        if (fleetVersion.isPresent()) {
            try {
                AwsStoreCode.versionId(fleetVersion.get().artifact());
                return new NewStoreCode(
                        fleetVersion.get().artifact(), fleetVersion.get().id());
            } catch (StoreFleetException notALayer) {
                LOG.log(
                        Level.WARNING,
                        "the fleet''s version {0} is not a layer version ({1}); new stores get the stack''s layer",
                        fleetVersion.get().id(),
                        fleetVersion.get().artifact());
            }
        }
        String stackLayer = fleet.isAotRuntime() ? fleet.getRuntimeLayerArn() : fleet.getShopLayerArn();
        String id;
        try {
            id = AwsStoreCode.versionId(stackLayer);
        } catch (StoreFleetException notALayer) {
            id = null; // CreateFunction says what is wrong with it
        }
        return new NewStoreCode(stackLayer, id);
    }

    private void createFunctionOnceRoleIsUsable(StoreRef store, String name) {
        NewStoreCode code = newStoreCode();
        Map<String, String> variables = environment(store);
        if (code.version() != null) {
            variables.put(AwsStoreCode.VERSION_VARIABLE, code.version());
        }
        CreateFunctionRequest request = CreateFunctionRequest.builder()
                .functionName(name)
                .description("Dukan store " + store.slug())
                // The custom runtime: the layer's bootstrap starts its own JDK 25 with the AOT cache, and the runtime
                // interface client calls the same handler; the managed java25 runtime runs the shop code layer.
                .runtime(fleet.isAotRuntime() ? Runtime.PROVIDED_AL2023 : Runtime.JAVA25)
                .handler(fleet.getShopHandler())
                .role(roleArn(name))
                .layers(code.layer())
                // The shop code is in the layer, shipped once; each store's package is this placeholder.
                .code(FunctionCode.builder().zipFile(placeholderCode).build())
                .memorySize(fleet.getMemoryMb())
                .timeout(TIMEOUT_SECONDS)
                .environment(Environment.builder().variables(variables).build())
                .tags(Map.of(
                        TENANT_TAG, store.id().value(), SLUG_TAG, store.slug().value()))
                .snapStart(
                        fleet.isSnapStart()
                                ? SnapStart.builder()
                                        .applyOn(SnapStartApplyOn.PUBLISHED_VERSIONS)
                                        .build()
                                : null)
                .build();
        for (int attempt = 0; ; attempt++) {
            try {
                lambda.createFunction(request);
                break;
            } catch (ResourceConflictException exists) {
                break;
            } catch (InvalidParameterValueException e) {
                if (!roleNotYetAssumable(e) || attempt >= ROLE_PROPAGATION_DELAYS.size()) {
                    throw failure("create function " + name, e);
                }
                LOG.log(Level.INFO, "role of {0} not yet assumable by Lambda; retrying", name);
                sleep(ROLE_PROPAGATION_DELAYS.get(attempt), "role " + name + " to become assumable");
            } catch (SdkException e) {
                throw failure("create function " + name, e);
            }
        }
        if (fleet.isSnapStart()) {
            publishSnapshot(name);
        }
    }

    /**
     * SnapStart: once the function is Active, publishes a version (Lambda initialises it, runs the priming hook
     * and snapshots it) and points the alias at it. Waits a bounded time for the snapshot; {@link #createRoute}
     * routes to the alias only if it is ready by then, else to the function itself (no snapshot, an ordinary cold
     * start), so a slow snapshot never leaves a new store unreachable.
     */
    private void publishSnapshot(String name) {
        // one budget for both waits: a signup must stay within API Gateway's 29 s
        long[] budgetMillis = {
            Duration.ofSeconds(fleet.getSnapStartWaitSeconds()).toMillis()
        };
        if (!awaitActive(name, null, budgetMillis)) {
            LOG.log(
                    Level.INFO,
                    "{0} is not active after {1} s; no version published, its route will invoke the "
                            + "function itself",
                    name,
                    fleet.getSnapStartWaitSeconds());
            return;
        }
        String[] version = new String[1];
        attempt(
                "publish a version of " + name,
                () -> version[0] =
                        lambda.publishVersion(r -> r.functionName(name)).version());
        try {
            lambda.createAlias(r -> r.functionName(name).name(ALIAS).functionVersion(version[0]));
        } catch (ResourceConflictException exists) {
            attempt(
                    "point alias " + ALIAS + " of " + name + " at version " + version[0],
                    () -> lambda.updateAlias(
                            r -> r.functionName(name).name(ALIAS).functionVersion(version[0])));
        } catch (SdkException e) {
            throw failure("create alias " + ALIAS + " of " + name, e);
        }
        if (!awaitActive(name, version[0], budgetMillis)) {
            LOG.log(
                    Level.INFO,
                    "the snapshot of {0} version {1} is not ready after {2} s; its route will invoke the "
                            + "function without it",
                    name,
                    version[0],
                    fleet.getSnapStartWaitSeconds());
        }
    }

    /**
     * Polls the function (or a version of it) until it is Active, spending at most what is left of
     * {@code budgetMillis} (and taking what it spends from it); false if it is not Active by then.
     */
    private boolean awaitActive(String name, String qualifier, long[] budgetMillis) {
        while (true) {
            State state;
            try {
                state = lambda.getFunctionConfiguration(
                                r -> r.functionName(name).qualifier(qualifier))
                        .state();
            } catch (SdkException e) {
                throw failure("read the state of " + name + (qualifier == null ? "" : ":" + qualifier), e);
            }
            if (state == State.ACTIVE) {
                return true;
            }
            if (state == State.FAILED) {
                throw new StoreFleetException("function " + name + (qualifier == null ? "" : " version " + qualifier)
                        + " failed to initialise: see its log group");
            }
            if (budgetMillis[0] <= 0) {
                return false;
            }
            sleep(SNAP_START_POLL, name + " to become active");
            budgetMillis[0] -= SNAP_START_POLL.toMillis();
        }
    }

    /** True if the store's alias exists and its version's snapshot is ready to be invoked. */
    private boolean aliasReady(String name) {
        try {
            return lambda.getFunctionConfiguration(r -> r.functionName(name).qualifier(ALIAS))
                            .state()
                    == State.ACTIVE;
        } catch (ResourceNotFoundException noAlias) {
            return false;
        } catch (SdkException e) {
            throw failure("read the state of " + name + ":" + ALIAS, e);
        }
    }

    /** What the store's function is configured with: its store, the platform's table, bucket, media address (CDN),
     * mail and address. */
    private Map<String, String> environment(StoreRef store) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("DUKAN_TENANT_ID", store.id().value());
        variables.put("DUKAN_STORE_SLUG", store.slug().value());
        variables.put("DUKAN_TABLE", Arns.tableName(fleet.getTableArn()));
        variables.put("DUKAN_BUCKET", Arns.bucketName(fleet.getBucketArn()));
        variables.put("DUKAN_PUBLIC_URL", fleet.getPublicUrl());
        putIfSet(variables, "DUKAN_MEDIA_URL", fleet.getMediaUrl());
        variables.put("DUKAN_EMAIL_MODE", fleet.getEmailMode());
        putIfSet(variables, "DUKAN_EMAIL_FROM", fleet.getEmailFrom());
        putIfSet(variables, "DUKAN_PROVISIONING_QUEUE_URL", fleet.getQueueUrl());
        if (!fleet.isAotRuntime()) {
            // the custom runtime's bootstrap sets the flags its AOT cache was made with
            variables.put("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
        }
        return variables;
    }

    /** An optional setting goes on only when set: unset and blank leave the variable out. */
    private static void putIfSet(Map<String, String> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            variables.put(name, value);
        }
    }

    /** "The role defined for the function cannot be assumed by Lambda.": IAM has not propagated the new role yet. */
    private static boolean roleNotYetAssumable(InvalidParameterValueException e) {
        String message = e.awsErrorDetails() == null
                ? e.getMessage()
                : e.awsErrorDetails().errorMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("role");
    }

    @Override
    public void deleteFunction(StoreRef store) {
        String name = functionName(store);
        attempt(
                "delete function " + name,
                () -> lambda.deleteFunction(r -> r.functionName(name)),
                ResourceNotFoundException.class);
        attempt(
                "delete policy " + POLICY_NAME + " of role " + name,
                () -> iam.deleteRolePolicy(r -> r.roleName(name).policyName(POLICY_NAME)),
                NoSuchEntityException.class);
        attempt("delete role " + name, () -> iam.deleteRole(r -> r.roleName(name)), NoSuchEntityException.class);
        attempt(
                "delete log group " + logGroup(name),
                () -> logs.deleteLogGroup(r -> r.logGroupName(logGroup(name))),
                software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException.class);
        shards.leave(store);
    }

    /** Lambda's log group of the function: created here with retention, so Lambda never creates one without. */
    static String logGroup(String functionName) {
        return "/aws/lambda/" + functionName;
    }

    /** Store roles live under their own IAM path, /{prefix}/: the worker's rights name that path only. */
    String rolePath() {
        return "/" + fleet.getNamePrefix() + "/";
    }

    // --- route ----------------------------------------------------------------------------------------------------

    /**
     * The store's routing entry: one item, PLATFORM#ROUTE#{slug}, naming the store's function (its alias once
     * SnapStart's snapshot is ready) and the account it runs in. The platform's router reads it on each store's
     * first request per router instance; nothing else about the platform changes, and nothing is deployed. Never
     * takes over an entry another store holds.
     */
    @Override
    public void createRoute(StoreRef store) {
        String name = functionName(store);
        String target = fleet.isSnapStart() && aliasReady(name) ? functionArn(name) + ":" + ALIAS : functionArn(name);
        Map<String, AttributeValue> item = new LinkedHashMap<>(routeKey(store));
        item.put("tenantId", AttributeValue.fromS(store.id().value()));
        item.put("functionArn", AttributeValue.fromS(target));
        item.put("account", AttributeValue.fromS(fleet.getAccountId()));
        try {
            dynamo.putItem(r -> r.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR tenantId = :t")
                    .expressionAttributeValues(
                            Map.of(":t", AttributeValue.fromS(store.id().value()))));
        } catch (ConditionalCheckFailedException taken) {
            throw new StoreFleetException("the address /s/" + store.slug() + " is routed to another store", taken);
        } catch (SdkException e) {
            throw failure("write the routing entry of /s/" + store.slug(), e);
        }
    }

    @Override
    public void deleteRoute(StoreRef store) {
        try {
            dynamo.deleteItem(r -> r.tableName(table)
                    .key(routeKey(store))
                    .conditionExpression("tenantId = :t")
                    .expressionAttributeValues(
                            Map.of(":t", AttributeValue.fromS(store.id().value()))));
        } catch (ConditionalCheckFailedException goneOrAnothers) {
            // nothing of this store's to remove
        } catch (SdkException e) {
            throw failure("delete the routing entry of /s/" + store.slug(), e);
        }
    }

    /** The routing entry's key; {@link io.dukan.core.tenant.Slug} values are the router's keys too. */
    static Map<String, AttributeValue> routeKey(StoreRef store) {
        return Map.of(
                "pk",
                AttributeValue.fromS(ROUTE_PREFIX + store.slug().value()),
                "sk",
                AttributeValue.fromS(ROUTE_SORT_KEY));
    }

    // --- names ----------------------------------------------------------------------------------------------------

    String functionName(StoreRef store) {
        return fleet.getNamePrefix() + "-" + store.id().value();
    }

    private String roleArn(String name) {
        return "arn:" + partition + ":iam::" + fleet.getAccountId() + ":role" + rolePath() + name;
    }

    private String functionArn(String name) {
        return "arn:" + partition + ":lambda:" + region + ":" + fleet.getAccountId() + ":function:" + name;
    }

    // --- errors ---------------------------------------------------------------------------------------------------

    /** Runs one AWS call; the tolerated exceptions mean "already done" and are not failures. */
    @SafeVarargs
    private static void attempt(String action, Runnable call, Class<? extends SdkException>... tolerated) {
        try {
            call.run();
        } catch (SdkException e) {
            for (Class<? extends SdkException> fine : tolerated) {
                if (fine.isInstance(e)) {
                    return;
                }
            }
            throw failure(action, e);
        }
    }

    static StoreFleetException failure(String action, SdkException e) {
        StringBuilder message = new StringBuilder("could not ").append(action).append(": ");
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            AwsErrorDetails details = service.awsErrorDetails();
            String code = details.errorCode() == null ? "error" : details.errorCode();
            message.append(code).append(" (HTTP ").append(service.statusCode()).append(')');
            if (details.errorMessage() != null) {
                message.append(": ").append(details.errorMessage());
            }
            if (service.statusCode() == 403 || code.contains("AccessDenied")) {
                message.append(". The provisioning function's role lacks this permission: check its policy.");
            } else if (service.isThrottlingException()) {
                message.append(". AWS is rate-limiting these calls: retry the signup in a minute.");
            }
            if (service.requestId() != null) {
                message.append(" [AWS request id ").append(service.requestId()).append(']');
            }
        } else {
            message.append(e.getMessage()).append(". Check that the function can reach the AWS endpoints.");
        }
        return new StoreFleetException(message.toString(), e);
    }

    private static void undoAfter(StoreFleetException failure, Runnable undo) {
        try {
            undo.run();
        } catch (RuntimeException undoFailure) {
            LOG.log(Level.ERROR, "could not remove what a failed step left behind; it needs an operator", undoFailure);
            failure.addSuppressed(undoFailure);
        }
    }

    private void sleep(Duration duration, String waitingFor) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreFleetException("interrupted while waiting for " + waitingFor, e);
        }
    }

    /** A valid, tiny, byte-for-byte stable package: the same code hash for every store. */
    private static byte[] placeholderZip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry("README.txt");
            entry.setTimeLocal(LocalDateTime.of(2000, 1, 1, 0, 0)); // fixed, so the bytes never change
            zip.putNextEntry(entry);
            zip.write("The shop code is in the function's layer.\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
