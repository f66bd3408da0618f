package io.dukan.aws.dynamodb;

import io.dukan.core.payment.DuePayments;
import io.dukan.core.tenant.TenantId;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The payment sweep's due attempts across every store: a Query per shard of the sparse GSI payDue
 * ("PLATFORM#PAYDUE#S{n}", payDueAt ≤ now), so a run costs the due attempts, never a Scan. The store, order and
 * reference come from the item's table key ("{tenant}#PAYATTEMPT#{code}" / "ATTEMPT#{reference}"), which only that
 * store's role could have written; an item of any other shape in the index is taken out of it. Only the platform's
 * sweep function runs this (environment "paysweep").
 */
@Singleton
@Requires(env = "paysweep")
final class DynamoDbDuePayments implements DuePayments {

    private static final System.Logger LOG = System.getLogger(DynamoDbDuePayments.class.getName());
    static final String INDEX = Keys.PAY_DUE;
    private static final Pattern PK = Pattern.compile("([a-z2-7]{1,32})#PAYATTEMPT#([a-z2-7]{26})");
    private static final Pattern SK = Pattern.compile("ATTEMPT#([A-Za-z0-9]{1,64})");

    private final DynamoDbClient dynamo;
    private final String table;

    DynamoDbDuePayments(DynamoDbClient dynamo, TableName table) {
        this.dynamo = dynamo;
        this.table = table.value();
    }

    @Override
    public List<Due> due(Instant now, int limit) {
        List<Due> out = new ArrayList<>();
        int perShard = Math.max(1, (limit + Keys.PAY_DUE_SHARDS - 1) / Keys.PAY_DUE_SHARDS);
        for (int shard = 0; shard < Keys.PAY_DUE_SHARDS && out.size() < limit; shard++) {
            String partition = Keys.payDue(shard);
            int taken = 0;
            Map<String, AttributeValue> from = null;
            do {
                Map<String, AttributeValue> start = from;
                QueryResponse page = dynamo.query(r -> r.tableName(table)
                        .indexName(INDEX)
                        .keyConditionExpression("#d = :d AND #at <= :now")
                        .expressionAttributeNames(Map.of("#d", Keys.PAY_DUE, "#at", Keys.PAY_DUE_AT))
                        .expressionAttributeValues(Map.of(":d", Keys.s(partition), ":now", Keys.n(now.toEpochMilli())))
                        .limit(perShard)
                        .exclusiveStartKey(start));
                for (Map<String, AttributeValue> item : page.items()) {
                    Due due = due(item);
                    if (due == null) {
                        forget(Keys.key(item.get(Keys.PK).s(), item.get(Keys.SK).s()));
                    } else if (taken < perShard && out.size() < limit) {
                        out.add(due);
                        taken++;
                    }
                }
                from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                        ? page.lastEvaluatedKey()
                        : null;
            } while (from != null && taken < perShard && out.size() < limit);
        }
        return out;
    }

    private static Due due(Map<String, AttributeValue> item) {
        Matcher pk = PK.matcher(item.get(Keys.PK).s());
        Matcher sk = SK.matcher(item.get(Keys.SK).s());
        if (!pk.matches() || !sk.matches()) {
            return null;
        }
        try {
            return new Due(new TenantId(pk.group(1)), pk.group(2), sk.group(1));
        } catch (IllegalArgumentException notATenant) {
            return null;
        }
    }

    @Override
    public void done(Due due) {
        forget(Keys.paymentAttempt(due.tenant(), due.orderCode(), due.reference()));
    }

    /** Takes the item out of the index (it stays in the table, its store's record). */
    private void forget(Map<String, AttributeValue> key) {
        try {
            dynamo.updateItem(r -> r.tableName(table)
                    .key(key)
                    .updateExpression("REMOVE #d, #at")
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#d", Keys.PAY_DUE, "#at", Keys.PAY_DUE_AT, "#pk", Keys.PK)));
        } catch (ConditionalCheckFailedException gone) {
            LOG.log(Level.DEBUG, "due attempt already gone: " + key);
        }
    }
}
