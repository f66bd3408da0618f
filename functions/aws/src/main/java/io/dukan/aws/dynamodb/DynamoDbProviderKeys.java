package io.dukan.aws.dynamodb;

import io.dukan.core.payment.ProviderKeys;
import io.dukan.core.payment.ProviderKeysRepository;
import io.dukan.core.payment.WalletKeys;
import io.dukan.core.payment.WalletKeysRepository;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A store's payment-provider keys, in the store's own partition ({t}#STORE / PAYKEYS#{provider}), so only that
 * store's function can read them (IAM LeadingKeys) and the table's encryption at rest covers them. In AWS these
 * belong in Secrets Manager or SSM SecureString (see the README's Payments section).
 */
@Singleton
final class DynamoDbProviderKeys implements ProviderKeysRepository, WalletKeysRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbProviderKeys(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<ProviderKeys> find(TenantId tenant, String provider) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.providerKeys(tenant, provider))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        return Optional.of(new ProviderKeys(provider, i.s("secretKey"), i.s("webhookSecret")));
    }

    @Override
    public void save(TenantId tenant, ProviderKeys keys) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.providerKeys(tenant, keys.provider()))
                        .with("secretKey", keys.secretKey())
                        .with("webhookSecret", keys.webhookSecret())
                        .build()));
    }

    @Override
    public Optional<WalletKeys> findWallet(TenantId tenant, String provider) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.providerKeys(tenant, provider))
                        .consistentRead(true))
                .item();
        if (item == null || !item.containsKey("fields") || !item.get("fields").hasM()) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        item.get("fields").m().forEach((name, value) -> fields.put(name, value.s()));
        return Optional.of(new WalletKeys(provider, fields));
    }

    @Override
    public void saveWallet(TenantId tenant, WalletKeys keys) {
        Map<String, AttributeValue> fields = new HashMap<>();
        keys.fields().forEach((name, value) -> fields.put(name, AttributeValue.fromS(value)));
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.providerKeys(tenant, keys.provider()))
                        .with("fields", AttributeValue.fromM(fields))
                        .build()));
    }
}
