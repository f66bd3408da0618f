package io.dukan.aws.dynamodb;

import io.dukan.core.upgrade.ShopVersions;
import io.dukan.core.upgrade.StoreVersions;
import io.dukan.core.upgrade.UpgradeCampaigns;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The upgrade records outside a function's context, through their core ports: the local cloud registers the
 * shop-code versions it can run, and its tests read campaigns and versions.
 */
public final class UpgradeRecords {

    private UpgradeRecords() {}

    public static ShopVersions versions(DynamoDbClient dynamo, String table) {
        return new DynamoDbUpgrades(dynamo, table);
    }

    public static UpgradeCampaigns campaigns(DynamoDbClient dynamo, String table) {
        return new DynamoDbUpgrades(dynamo, table);
    }

    public static StoreVersions storeVersions(DynamoDbClient dynamo, String table) {
        return new DynamoDbUpgrades(dynamo, table);
    }
}
