package io.dukan.bench.before;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the provisioning function puts each store's function and route on AWS. On Lambda these come from
 * environment variables: DUKAN_FLEET_REST_API_ID → dukan.fleet.rest-api-id, and so on.
 */
public class AwsFleetProperties {

    static final int DEFAULT_MEMORY_MB = 1024;
    static final int DEFAULT_SNAP_START_WAIT_SECONDS = 15;

    /** "aws" (the default) or "local" (the local cloud supplies its own StoreFleet). */
    private String mode = "aws";

    private String restApiId;
    private String storesResourceId;
    private String stage;
    private String shopLayerArn;
    private String shopHandler;
    private String tableArn;
    private String bucketArn;
    private String permissionsBoundaryArn;
    private String namePrefix;
    private String accountId;
    private int memoryMb = DEFAULT_MEMORY_MB;
    /** How store functions send mail: "ses" (default) or "outbox"; passed on as DUKAN_EMAIL_MODE. */
    private String emailMode = "ses";
    /** The SES-verified sender address; passed on as DUKAN_EMAIL_FROM, and the only one a store role may send as. */
    private String emailFrom;
    /** The platform's public base URL (links in mail); passed on as DUKAN_PUBLIC_URL. */
    private String publicUrl;
    /** The CDN in front of the media bucket (renditions); passed on as DUKAN_MEDIA_URL. Unset: presigned URLs. */
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
        check(missing, restApiId, "DUKAN_FLEET_REST_API_ID");
        check(missing, stage, "DUKAN_FLEET_STAGE");
        check(missing, shopLayerArn, "DUKAN_FLEET_SHOP_LAYER_ARN");
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

    public String getMode() {
        return mode;
    }

    public void setMode(String mode) {
        this.mode = mode;
    }

    public String getRestApiId() {
        return restApiId;
    }

    public void setRestApiId(String restApiId) {
        this.restApiId = restApiId;
    }

    /** Id of the API resource "/s" under which each store's /s/{slug} resource is created. */
    public String getStoresResourceId() {
        return storesResourceId;
    }

    public void setStoresResourceId(String storesResourceId) {
        this.storesResourceId = storesResourceId;
    }

    public String getStage() {
        return stage;
    }

    public void setStage(String stage) {
        this.stage = stage;
    }

    /** The layer version holding the shop code, shared by every store's function. */
    public String getShopLayerArn() {
        return shopLayerArn;
    }

    public void setShopLayerArn(String shopLayerArn) {
        this.shopLayerArn = shopLayerArn;
    }

    public String getShopHandler() {
        return shopHandler;
    }

    public void setShopHandler(String shopHandler) {
        this.shopHandler = shopHandler;
    }

    public String getTableArn() {
        return tableArn;
    }

    public void setTableArn(String tableArn) {
        this.tableArn = tableArn;
    }

    public String getBucketArn() {
        return bucketArn;
    }

    public void setBucketArn(String bucketArn) {
        this.bucketArn = bucketArn;
    }

    /** Managed policy every store role carries as its permissions boundary. */
    public String getPermissionsBoundaryArn() {
        return permissionsBoundaryArn;
    }

    public void setPermissionsBoundaryArn(String permissionsBoundaryArn) {
        this.permissionsBoundaryArn = permissionsBoundaryArn;
    }

    /** Prefix of store roles and functions: "dukan-store" names them dukan-store-{tenantId}. */
    public String getNamePrefix() {
        return namePrefix;
    }

    public void setNamePrefix(String namePrefix) {
        this.namePrefix = namePrefix;
    }

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
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

    public String getEmailFrom() {
        return emailFrom;
    }

    public void setEmailFrom(String emailFrom) {
        this.emailFrom = emailFrom;
    }

    public String getPublicUrl() {
        return publicUrl;
    }

    public void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl;
    }

    public String getMediaUrl() {
        return mediaUrl;
    }

    public void setMediaUrl(String mediaUrl) {
        this.mediaUrl = mediaUrl;
    }
}
