package io.dukan.fleet;

import io.dukan.core.tenant.StoreRef;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Which account a new store runs in. IAM allows at most 5,000 roles per account (1,000 by default), one per store,
 * so stores are sharded across accounts: each shard's members are a string set on its item PLATFORM#SHARD#{account}
 * (17 bytes a store: 4,500 stores fit in a 400 KB item), joined with a conditional update that holds the shard's
 * capacity even under concurrent sagas, and idempotent (joining twice, or leaving twice, changes nothing). The
 * store's routing entry names its account, so the router invokes it there.
 */
final class Shards {

    static final String SHARD_PREFIX = "PLATFORM#SHARD#";
    static final String SORT_KEY = "SHARD";

    private final DynamoDbClient dynamo;
    private final String table;
    private final List<String> accounts;
    private final int capacity;

    Shards(DynamoDbClient dynamo, String table, List<String> accounts, int capacity) {
        if (accounts.isEmpty()) {
            throw new StoreFleetException("no shard account is configured (DUKAN_FLEET_SHARD_ACCOUNTS)");
        }
        this.dynamo = dynamo;
        this.table = table;
        this.accounts = List.copyOf(accounts);
        this.capacity = capacity;
    }

    /** The first account (in configured order) with room for the store, or the one already holding it. */
    String join(StoreRef store) {
        for (String account : accounts) {
            try {
                dynamo.updateItem(r -> r.tableName(table)
                        .key(key(account))
                        .updateExpression("ADD stores :me")
                        .conditionExpression(
                                "attribute_not_exists(stores) OR size(stores) < :cap" + " OR contains(stores, :id)")
                        .expressionAttributeValues(Map.of(
                                ":me", AttributeValue.fromSs(List.of(store.id().value())),
                                ":id", AttributeValue.fromS(store.id().value()),
                                ":cap", AttributeValue.fromN(Integer.toString(capacity)))));
                return account;
            } catch (ConditionalCheckFailedException full) {
                // next shard
            } catch (SdkException e) {
                throw AwsStoreFleet.failure("join shard " + account, e);
            }
        }
        throw new StoreFleetException("every shard account is full (" + capacity + " stores each): add an account to "
                + "DUKAN_FLEET_SHARD_ACCOUNTS");
    }

    /** Leaves every shard the store is in (one, normally); leaving none is fine. */
    void leave(StoreRef store) {
        for (String account : accounts) {
            try {
                dynamo.updateItem(r -> r.tableName(table)
                        .key(key(account))
                        .updateExpression("DELETE stores :me")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(
                                ":me", AttributeValue.fromSs(List.of(store.id().value())))));
            } catch (ConditionalCheckFailedException noSuchShardYet) {
                // nothing to leave
            } catch (SdkException e) {
                throw AwsStoreFleet.failure("leave shard " + account, e);
            }
        }
    }

    static Map<String, AttributeValue> key(String account) {
        return Map.of("pk", AttributeValue.fromS(SHARD_PREFIX + account), "sk", AttributeValue.fromS(SORT_KEY));
    }
}
