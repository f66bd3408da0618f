package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.Keys.s;

import io.dukan.core.payment.PaymentAttempt;
import io.dukan.core.payment.PaymentAttempts;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.TenantId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Wallet payment attempts, one partition per order ({t}#PAYATTEMPT#{code} / ATTEMPT#{reference}), each in the
 * scheduled sweep's index until it is settled (see {@link Keys#PAY_DUE}, {@link DynamoDbDuePayments}).
 */
@Singleton
final class DynamoDbPaymentAttempts implements PaymentAttempts {

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbPaymentAttempts(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public void save(TenantId tenant, PaymentAttempt a) {
        dynamo.putItem(r -> r.tableName(table)
                .item(Items.item(Keys.paymentAttempt(tenant, a.orderCode(), a.reference()))
                        .with("provider", a.provider())
                        .with("orderCode", a.orderCode())
                        .with("reference", a.reference())
                        .with("amountMinor", a.amount().minor())
                        .with("currency", a.amount().currency())
                        .with("startedAt", a.startedAt().toString())
                        .with("expiresAt", a.expiresAt().toString())
                        .with("inquiries", a.inquiries())
                        .with("nextInquiryAt", a.nextInquiryAt().toString())
                        // the scheduled sweep's index: this attempt is looked at then, with nobody on the order page
                        .with(Keys.PAY_DUE, Keys.payDue(tenant, a.orderCode()))
                        .with(Keys.PAY_DUE_AT, a.sweepAt().toEpochMilli())
                        .build()));
    }

    @Override
    public Optional<PaymentAttempt> find(TenantId tenant, String orderCode, String reference) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Keys.paymentAttempt(tenant, orderCode, reference))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(read(Items.of(item)));
    }

    @Override
    public List<PaymentAttempt> of(TenantId tenant, String orderCode) {
        return dynamo
                .query(r -> r.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(Keys.paymentAttempts(tenant, orderCode)))))
                .items()
                .stream()
                .map(i -> read(Items.of(i)))
                .sorted(Comparator.comparing(PaymentAttempt::startedAt).thenComparing(PaymentAttempt::reference))
                .toList();
    }

    private static PaymentAttempt read(Items i) {
        return new PaymentAttempt(
                i.s("provider"),
                i.s("orderCode"),
                i.s("reference"),
                new Money(i.n("amountMinor"), i.s("currency")),
                Instant.parse(i.s("startedAt")),
                Instant.parse(i.s("expiresAt")),
                (int) i.n("inquiries"),
                Instant.parse(i.s("nextInquiryAt")));
    }
}
