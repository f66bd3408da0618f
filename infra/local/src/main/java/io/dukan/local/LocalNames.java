package io.dukan.local;

import java.util.Locale;

/**
 * How template resources are named in the local cloud. One place, so the tables and buckets the local cloud creates
 * and the names it hands the functions can never disagree.
 */
public final class LocalNames {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "dukan-local";
    public static final String STAGE = "local";

    private LocalNames() {}

    /** The local name of a table or bucket: its logical id lowercased ("DukanTable" → "dukantable"). */
    public static String resourceName(String logicalId) {
        return logicalId.toLowerCase(Locale.ROOT);
    }

    public static String tableArn(String logicalId) {
        return "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + resourceName(logicalId);
    }

    public static String bucketArn(String logicalId) {
        return "arn:aws:s3:::" + resourceName(logicalId);
    }

    /** What a reference to anything the local cloud does not emulate (roles, APIs, layers) resolves to. */
    public static String placeholder(String logicalId) {
        return "local-" + logicalId;
    }

    /** The name a store's function would have on AWS (the fleet's default prefix). */
    public static String storeFunctionName(String tenantId) {
        return "dukan-store-" + tenantId;
    }
}
