package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.checkout.CheckoutSettingsRepository;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The owner's payment settings and display currencies, one item each in the store's partition. */
@Singleton
final class DynamoDbCheckoutSettings implements CheckoutSettingsRepository {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbCheckoutSettings(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public Optional<PaymentSettings> payments(TenantId tenant) {
        return get(Keys.payments(tenant))
                .map(i -> new PaymentSettings(
                        bool(i, "cashOnDelivery"),
                        bool(i, "bankTransfer"),
                        new PaymentSettings.BankTransferDetails(
                                orEmpty(i.s("accountName")),
                                orEmpty(i.s("bankName")),
                                orEmpty(i.s("accountNumber")),
                                orEmpty(i.s("instructions")))));
    }

    @Override
    public void savePayments(TenantId tenant, PaymentSettings p) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.payments(tenant))
                        .with("cashOnDelivery", AttributeValue.fromBool(p.cashOnDelivery()))
                        .with("bankTransfer", AttributeValue.fromBool(p.bankTransfer()))
                        .with("accountName", p.bank().accountName())
                        .with("bankName", p.bank().bankName())
                        .with("accountNumber", p.bank().accountNumber())
                        .with("instructions", p.bank().instructions())
                        .build()));
    }

    @Override
    public Optional<DisplayCurrencies> currencies(TenantId tenant) {
        return get(Keys.displayCurrencies(tenant))
                .map(i -> new DisplayCurrencies(i.raw("rates").l().stream()
                        .map(AttributeValue::m)
                        .map(m -> new DisplayRate(
                                m.get("currency").s(),
                                new BigDecimal(m.get("rate").s())))
                        .toList()));
    }

    @Override
    public void saveCurrencies(TenantId tenant, DisplayCurrencies currencies) {
        List<AttributeValue> rates = currencies.rates().stream()
                .map(r -> AttributeValue.fromM(
                        Map.of("currency", s(r.currency()), "rate", s(r.rate().toPlainString()))))
                .toList();
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.displayCurrencies(tenant))
                        .with("rates", AttributeValue.fromL(rates))
                        .build()));
    }

    private Optional<Items> get(Map<String, AttributeValue> key) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(Items.of(item));
    }

    private static boolean bool(Items i, String name) {
        AttributeValue v = i.raw(name);
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
