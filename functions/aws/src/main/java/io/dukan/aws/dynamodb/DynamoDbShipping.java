package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.n;
import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.shared.Money;
import io.dukan.core.shipping.ShippingRate;
import io.dukan.core.shipping.ShippingRepository;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZone;
import io.dukan.core.shipping.WeightBand;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A store's shipping zones and rates: one item in the store's partition ({@code {t}#STORE / SHIPPING}). */
@Singleton
final class DynamoDbShipping implements ShippingRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbShipping(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<ShippingSettings> find(TenantId tenant) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(Keys.shipping(tenant)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Items i = Items.of(item);
        String currency = i.s("currency");
        List<ShippingZone> zones = i.raw("zones").l().stream()
                .map(AttributeValue::m)
                .map(z -> new ShippingZone(
                        z.get("id").s(),
                        z.get("name").s(),
                        z.get("areas").l().stream()
                                .map(AttributeValue::m)
                                .map(a -> new ShippingZone.Area(
                                        a.get("country").s(), a.get("region").s()))
                                .toList(),
                        z.get("rates").l().stream()
                                .map(AttributeValue::m)
                                .map(r -> rate(r, currency))
                                .toList()))
                .toList();
        return Optional.of(new ShippingSettings(zones, true));
    }

    @Override
    public void save(TenantId tenant, ShippingSettings settings) {
        String currency = settings.zones().stream()
                .flatMap(z -> z.rates().stream())
                .map(r -> r.price().currency())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("shipping settings without rates"));
        List<AttributeValue> zones = settings.zones().stream()
                .map(z -> AttributeValue.fromM(Map.of(
                        "id",
                        s(z.id()),
                        "name",
                        s(z.name()),
                        "areas",
                        AttributeValue.fromL(z.areas().stream()
                                .map(a -> AttributeValue.fromM(
                                        Map.of("country", s(a.country()), "region", s(a.region()))))
                                .toList()),
                        "rates",
                        AttributeValue.fromL(z.rates().stream()
                                .map(DynamoDbShipping::rateItem)
                                .toList()))))
                .toList();
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.shipping(tenant))
                        .with("currency", currency)
                        .with("zones", AttributeValue.fromL(zones))
                        .build()));
    }

    private static AttributeValue rateItem(ShippingRate rate) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("id", s(rate.id()));
        m.put("name", s(rate.name()));
        m.put("kind", s(rate.kind().name()));
        m.put("priceMinor", n(rate.price().minor()));
        m.put(
                "bands",
                AttributeValue.fromL(rate.bands().stream()
                        .map(b -> AttributeValue.fromM(Map.of(
                                "upToGrams",
                                n(b.upToGrams()),
                                "priceMinor",
                                n(b.price().minor()))))
                        .toList()));
        if (rate.freeAbove() != null) {
            m.put("freeAboveMinor", n(rate.freeAbove().minor()));
        }
        return AttributeValue.fromM(m);
    }

    private static ShippingRate rate(Map<String, AttributeValue> m, String currency) {
        AttributeValue free = m.get("freeAboveMinor");
        return new ShippingRate(
                m.get("id").s(),
                m.get("name").s(),
                ShippingRate.Kind.valueOf(m.get("kind").s()),
                new Money(Long.parseLong(m.get("priceMinor").n()), currency),
                m.get("bands").l().stream()
                        .map(AttributeValue::m)
                        .map(b -> new WeightBand(
                                Long.parseLong(b.get("upToGrams").n()),
                                new Money(Long.parseLong(b.get("priceMinor").n()), currency)))
                        .toList(),
                free == null ? null : new Money(Long.parseLong(free.n()), currency));
    }
}
