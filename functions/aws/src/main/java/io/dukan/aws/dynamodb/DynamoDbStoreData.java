package io.dukan.aws.dynamodb;

import io.dukan.core.account.StoreUser;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/** A store's settings and owner account, written together at signup, in the store's partition. */
@Singleton
final class DynamoDbStoreData implements StoreDataRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbStoreData(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void createStoreData(StoreSettings settings, StoreUser owner) {
        Map<String, AttributeValue> settingsItem = Items.item(Keys.settings(settings.tenantId()))
                .with("tenantId", settings.tenantId().value())
                .with("slug", settings.slug().value())
                .with("name", settings.name())
                .with("currency", settings.currency())
                .with("country", settings.country())
                .with("language", settings.language())
                .with("phone", settings.contact().phone())
                .with("whatsapp", settings.contact().whatsapp())
                .with("email", settings.contact().email())
                .with("address", settings.contact().address())
                .with("logoKey", settings.contact().logoKey())
                .with("extraLanguages", languages(settings))
                .with("descriptions", descriptions(settings))
                // where the owner's alerts go while the store has no contact e-mail (OwnerAddress)
                .with("ownerEmail", owner.email())
                .build();
        Map<String, AttributeValue> userItem = Items.item(Keys.user(owner.tenantId(), owner.email()))
                .with("email", owner.email())
                .with("passwordHash", owner.passwordHash())
                .with("role", owner.role().name())
                .build();
        dynamo.transactWriteItems(r -> r.transactItems(
                TransactWriteItem.builder()
                        .put(Put.builder().tableName(table).item(settingsItem).build())
                        .build(),
                TransactWriteItem.builder()
                        .put(Put.builder().tableName(table).item(userItem).build())
                        .build()));
    }

    @Override
    public void deleteStoreData(TenantId id, String ownerEmail) {
        dynamo.transactWriteItems(r -> r.transactItems(List.of(
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(Keys.settings(id))
                                .build())
                        .build(),
                TransactWriteItem.builder()
                        .delete(Delete.builder()
                                .tableName(table)
                                .key(Keys.user(id, ownerEmail))
                                .build())
                        .build())));
    }

    @Override
    public Optional<StoreSettings> settings(TenantId id) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.settings(id)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        return Optional.of(new StoreSettings(
                id,
                new Slug(i.s("slug")),
                i.s("name"),
                i.s("currency"),
                i.s("country"),
                i.s("language"),
                new StoreSettings.StoreContact(
                        orEmpty(i.s("phone")),
                        orEmpty(i.s("whatsapp")),
                        orEmpty(i.s("email")),
                        orEmpty(i.s("address")),
                        orEmpty(i.s("logoKey"))),
                i.raw("extraLanguages") == null || !i.raw("extraLanguages").hasL()
                        ? List.of()
                        : i.raw("extraLanguages").l().stream()
                                .map(AttributeValue::s)
                                .toList(),
                i.raw("descriptions") == null || !i.raw("descriptions").hasM()
                        ? Map.of()
                        : i.raw("descriptions").m().entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        Map.Entry::getKey, e -> e.getValue().s()))));
    }

    private static AttributeValue languages(StoreSettings s) {
        return AttributeValue.fromL(s.extraLanguages().stream().map(Keys::s).toList());
    }

    private static AttributeValue descriptions(StoreSettings s) {
        Map<String, AttributeValue> m = new java.util.HashMap<>();
        s.descriptions().forEach((k, v) -> m.put(k, Keys.s(v)));
        return AttributeValue.fromM(m);
    }

    /** Only the owner-editable attributes; the slug, tenant and country stay as signup wrote them. */
    @Override
    public void saveSettings(StoreSettings s) {
        StoreSettings.StoreContact c = s.contact();
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(
                ":name",
                Keys.s(s.name()),
                ":currency",
                Keys.s(s.currency()),
                ":language",
                Keys.s(s.language()),
                ":phone",
                Keys.s(c.phone()),
                ":whatsapp",
                Keys.s(c.whatsapp()),
                ":email",
                Keys.s(c.email()),
                ":address",
                Keys.s(c.address()),
                ":logoKey",
                Keys.s(c.logoKey())));
        values.put(":extraLanguages", languages(s));
        values.put(":descriptions", descriptions(s));
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(Keys.settings(s.tenantId()))
                    .conditionExpression("attribute_exists(pk)")
                    .updateExpression("SET #name = :name, currency = :currency, #language = :language, phone = :phone, "
                            + "whatsapp = :whatsapp, email = :email, address = :address, logoKey = :logoKey, "
                            + "extraLanguages = :extraLanguages, descriptions = :descriptions")
                    .expressionAttributeNames(Map.of("#name", "name", "#language", "language"))
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException e) {
            throw new NotFoundException("no such store");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
