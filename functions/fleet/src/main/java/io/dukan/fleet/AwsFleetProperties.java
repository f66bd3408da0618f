package io.dukan.fleet;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the fleet worker puts each store's function and routing entry on AWS. On Lambda these come from
 * environment variables: DUKAN_FLEET_TABLE_ARN → dukan.fleet.table-arn, and so on.
 */
@ConfigurationProperties("dukan.fleet")
public class AwsFleetProperties {

    static final int DEFAULT_MEMORY_MB = 1024;
    static final int DEFAULT_SNAP_START_WAIT_SECONDS = 15;
    static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    static final int DEFAULT_STORES_PER_ACCOUNT = 4500;

    /** DUKAN_FLEET_RUNTIME=aot: the custom runtime (provided.al2023) with the store runtime layer (the default). */
    public static final String RUNTIME_AOT = "aot";
    /** DUKAN_FLEET_RUNTIME=java25: Lambda's managed java25 runtime with the shop code layer (SnapStart possible). */
    public static final String RUNTIME_JAVA25 = "java25";

    /** "aws" (the default) or "local" (the local cloud supplies its own StoreFleet). */
    private String mode = "aws";

    @Nullable
    private String shopLayerArn;

    @Nullable
    private String shopHandler;

    /**
     * What store functions run on (DUKAN_FLEET_RUNTIME): {@link #RUNTIME_AOT} (default), the store runtime layer
     * (infra/runtime: a jlink'ed JDK 25, the runtime interface client, the shop jar and its AOT cache) on
     * provided.al2023; or {@link #RUNTIME_JAVA25}, the managed runtime with the shop code layer, where SnapStart
     * can be switched on.
     */
    private String runtime = RUNTIME_AOT;

    /** The store runtime layer's version (DUKAN_FLEET_RUNTIME_LAYER_ARN); needed with {@link #RUNTIME_AOT}. */
    @Nullable
    private String runtimeLayerArn;

    @Nullable
    private String tableArn;

    @Nullable
    private String bucketArn;

    @Nullable
    private String permissionsBoundaryArn;

    @Nullable
    private String namePrefix;

    @Nullable
    private String accountId;

    private int memoryMb = DEFAULT_MEMORY_MB;
    /**
     * The accounts stores are sharded across (DUKAN_FLEET_SHARD_ACCOUNTS, comma-separated), first with room first;
     * empty: this account alone. This build provisions only in its own account (see infra/aws/README.md).
     */
    private List<String> shardAccounts = new ArrayList<>();
    /** Stores per account (DUKAN_FLEET_STORES_PER_ACCOUNT): below IAM's 5,000 roles, leaving room for others. */
    private int storesPerAccount = DEFAULT_STORES_PER_ACCOUNT;
    /** Retention of each store's log group (DUKAN_FLEET_LOG_RETENTION_DAYS); one of CloudWatch's allowed values. */
    private int logRetentionDays = DEFAULT_LOG_RETENTION_DAYS;
    /** How store functions send mail: "ses" (default) or "outbox"; passed on as DUKAN_EMAIL_MODE. */
    private String emailMode = "ses";
    /** The SES-verified sender address; passed on as DUKAN_EMAIL_FROM, and the only one a store role may send as. */
    @Nullable
    private String emailFrom;
    /**
     * The fleet worker's queue (DUKAN_FLEET_QUEUE_URL, DUKAN_FLEET_QUEUE_ARN): each store function may send its own
     * id there when its owner closes it (the worker then reads the request in the store's own partition). Unset: the
     * owner's "close my store" cannot reach the worker (an operator can still close the store).
     */
    @Nullable
    private String queueUrl;

    @Nullable
    private String queueArn;

    /** The platform's public base URL (links in mail); passed on as DUKAN_PUBLIC_URL. */
    @Nullable
    private String publicUrl;
    /** The CDN in front of the media bucket (renditions); passed on as DUKAN_MEDIA_URL. Unset: presigned URLs. */
    @Nullable
    private String mediaUrl;
    /**
     * SnapStart for store functions (DUKAN_FLEET_SNAP_START): each store's function gets a published version with
     * a snapshot and an alias, and its route invokes the alias once the snapshot is ready.
     */
    private boolean snapStart;
    /** How long a signup waits for a store's snapshot before routing to the unsnapshotted function instead. */
    private int snapStartWaitSeconds = DEFAULT_SNAP_START_WAIT_SECONDS;

    /** The environment variables that are unset or blank, so a misconfigured deployment says what to fix. */
    public List<String> missingSettings() {
        List<String> missing = new ArrayList<>();
        if (isAotRuntime()) {
            check(missing, runtimeLayerArn, "DUKAN_FLEET_RUNTIME_LAYER_ARN");
        } else {
            check(missing, shopLayerArn, "DUKAN_FLEET_SHOP_LAYER_ARN");
        }
        check(missing, shopHandler, "DUKAN_FLEET_SHOP_HANDLER");
        check(missing, tableArn, "DUKAN_FLEET_TABLE_ARN");
        check(missing, bucketArn, "DUKAN_FLEET_BUCKET_ARN");
        check(missing, permissionsBoundaryArn, "DUKAN_FLEET_PERMISSIONS_BOUNDARY_ARN");
        check(missing, namePrefix, "DUKAN_FLEET_NAME_PREFIX");
        check(missing, accountId, "DUKAN_FLEET_ACCOUNT_ID");
        check(missing, publicUrl, "DUKAN_FLEET_PUBLIC_URL");
        if ("ses".equals(emailMode)) {
            check(missing, emailFrom, "DUKAN_FLEET_EMAIL_FROM");
        }
        return missing;
    }

    private static void check(List<String> missing, String value, String variable) {
        if (value == null || value.isBlank()) {
            missing.add(variable);
        }
    }

    /** True for the custom runtime with the AOT cache (the default); false for the managed java25 runtime. */
    public boolean isAotRuntime() {
        return !RUNTIME_JAVA25.equals(runtime);
    }

    public String getRuntime() {
        return runtime;
    }

    public void setRuntime(String runtime) {
        if (!RUNTIME_AOT.equals(runtime) && !RUNTIME_JAVA25.equals(runtime)) {
            throw new IllegalArgumentException(
                    "DUKAN_FLEET_RUNTIME must be " + RUNTIME_AOT + " or " + RUNTIME_JAVA25 + ", not " + runtime);
        }
        this.runtime = runtime;
    }

    public @Nullable String getRuntimeLayerArn() {
        return runtimeLayerArn;
    }

    public void setRuntimeLayerArn(@Nullable String runtimeLayerArn) {
        this.runtimeLayerArn = runtimeLayerArn;
    }

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    /** The layer version holding the shop code, shared by every store's function. */
    public @Nullable String getShopLayerArn() {
        return shopLayerArn;
    }

    public void setShopLayerArn(@Nullable String shopLayerArn) {
        this.shopLayerArn = shopLayerArn;
    }

    public @Nullable String getShopHandler() {
        return shopHandler;
    }

    public void setShopHandler(@Nullable String shopHandler) {
        this.shopHandler = shopHandler;
    }

    public @Nullable String getTableArn() {
        return tableArn;
    }

    public void setTableArn(@Nullable String tableArn) {
        this.tableArn = tableArn;
    }

    public @Nullable String getBucketArn() {
        return bucketArn;
    }

    public void setBucketArn(@Nullable String bucketArn) {
        this.bucketArn = bucketArn;
    }

    /** Managed policy every store role carries as its permissions boundary. */
    public @Nullable String getPermissionsBoundaryArn() {
        return permissionsBoundaryArn;
    }

    public void setPermissionsBoundaryArn(@Nullable String permissionsBoundaryArn) {
        this.permissionsBoundaryArn = permissionsBoundaryArn;
    }

    /** Prefix of store roles and functions: "dukan-store" names them dukan-store-{tenantId}. */
    public @Nullable String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(@Nullable String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public @Nullable String getAccountId() {
        return accountId;
    }

    public void setAccountId(@Nullable String accountId) {
        this.accountId = accountId;
    }

    public boolean isSnapStart() {
        return snapStart;
    }

    public void setSnapStart(boolean snapStart) {
        this.snapStart = snapStart;
    }

    public int getSnapStartWaitSeconds() {
        return snapStartWaitSeconds;
    }

    public void setSnapStartWaitSeconds(int snapStartWaitSeconds) {
        this.snapStartWaitSeconds = snapStartWaitSeconds;
    }

    /** The configured shard accounts, or this account alone. */
    public List<String> shards() {
        List<String> configured = shardAccounts.stream()
                .map(String::strip)
                .filter(a -> !a.isEmpty())
                .toList();
        return configured.isEmpty() && accountId != null ? List.of(accountId) : configured;
    }

    public List<String> getShardAccounts() {
        return shardAccounts;
    }

    public void setShardAccounts(List<String> shardAccounts) {
        this.shardAccounts = shardAccounts == null ? new ArrayList<>() : new ArrayList<>(shardAccounts);
    }

    public int getStoresPerAccount() {
        return storesPerAccount;
    }

    public void setStoresPerAccount(int storesPerAccount) {
        this.storesPerAccount = storesPerAccount;
    }

    public int getLogRetentionDays() {
        return logRetentionDays;
    }

    public void setLogRetentionDays(int logRetentionDays) {
        this.logRetentionDays = logRetentionDays;
    }

    public int getMemoryMb() {
        return memoryMb;
    }

    public void setMemoryMb(int memoryMb) {
        this.memoryMb = memoryMb;
    }

    public String getEmailMode() {
        return emailMode;
    }

    public void setEmailMode(String emailMode) {
        this.emailMode = emailMode;
    }

    public @Nullable String getEmailFrom() {
        return emailFrom;
    }

    public void setEmailFrom(@Nullable String emailFrom) {
        this.emailFrom = emailFrom;
    }

    public @Nullable String getQueueUrl() {
        return queueUrl;
    }

    public void setQueueUrl(@Nullable String queueUrl) {
        this.queueUrl = queueUrl;
    }

    public @Nullable String getQueueArn() {
        return queueArn;
    }

    public void setQueueArn(@Nullable String queueArn) {
        this.queueArn = queueArn;
    }

    public @Nullable String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(@Nullable String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public @Nullable String getMediaUrl() {
        return mediaUrl;
    }

    public void setMediaUrl(@Nullable String mediaUrl) {
        this.mediaUrl = mediaUrl;
    }
}
