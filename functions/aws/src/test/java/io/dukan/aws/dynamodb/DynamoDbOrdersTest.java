package io.dukan.aws.dynamodb;

import static io.dukan.aws.dynamodb.ScriptedDynamo.TRANSACT_WRITE;
import static io.dukan.aws.dynamodb.ScriptedDynamo.cancelled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dukan.aws.testing.ScriptedAws;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.OrderLine;
import io.dukan.core.order.OrderRepository.Draft;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.TryAgainLaterException;
import io.dukan.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What DynamoDB Local cannot show: real DynamoDB's cancellation reasons, scripted over the real client. */
class DynamoDbOrdersTest {

    private final ScriptedDynamo dynamo = new ScriptedDynamo();
    private final ScriptedAws aws = dynamo.aws;
    private final DynamoDbOrders orders = new DynamoDbOrders(dynamo.client, ScriptedDynamo.table());

    @Test
    void place_asksToTryAgainLater_whenTheCounterRaceOutlastsTheRetries() {
        // given every attempt loses a race on the store's order counter
        aws.on(TRANSACT_WRITE, cancelled("TransactionConflict", "None", "None", "None"));
        Draft draft = new Draft(
                "code-0001",
                List.of(new OrderLine(
                        ProductId.newId(), VariantId.newId(), "FIG-1", "Dried figs", "", new Money(45000, "PKR"), 1)),
                new Money(0, "PKR"),
                new Contact("Amina", "+92 300 1234567", ""),
                new Address("12 Mall Road", "", "Lahore", "", "", "PK"),
                "",
                "",
                PaymentMethod.CASH_ON_DELIVERY,
                null,
                Instant.parse("2026-01-15T10:00:00Z"));

        // when / then
        assertThatThrownBy(() -> orders.place(new TenantId("ownownownownown2"), draft))
                .isInstanceOf(TryAgainLaterException.class)
                .hasMessage("the store is very busy; nothing was ordered, please try again");
        assertThat(aws.matching(TRANSACT_WRITE)).hasSize(DynamoDbOrders.MAX_ATTEMPTS);
    }
}
