package io.dukan.aws.dynamodb;

import io.dukan.aws.testing.ScriptedAws;
import io.dukan.aws.testing.ScriptedAws.Reply;
import io.dukan.aws.testing.ScriptedAws.Request;
import java.net.URI;
import java.util.function.Predicate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A real DynamoDB client over a {@link ScriptedAws}: for what DynamoDB Local cannot show, such as real DynamoDB
 * cancelling racing transactions with TransactionConflict.
 */
final class ScriptedDynamo {

    static final String TABLE = "dukan-unit";
    static final Predicate<Request> TRANSACT_WRITE = r -> r.isTarget("dynamodb", "TransactWriteItems");
    static final Predicate<Request> GET_ITEM = r -> r.isTarget("dynamodb", "GetItem");

    final ScriptedAws aws = new ScriptedAws();
    final DynamoDbClient client = DynamoDbClient.builder()
            .httpClient(aws)
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://localhost"))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
            // Retries are the adapter's business in these tests, not the SDK's.
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    static TableName table() {
        return TestTables.named(TABLE);
    }

    /** GetItem of the item whose partition key is {@code pk}. */
    static Predicate<Request> getItem(String pk) {
        return r -> GET_ITEM.test(r) && pk.equals(r.json().at("/Key/pk/S").asText());
    }

    /** TransactWriteItems cancelled with one reason code per item, in item order ("None" for an item that was fine). */
    static Reply cancelled(String... codes) {
        StringBuilder reasons = new StringBuilder();
        for (String code : codes) {
            reasons.append(reasons.isEmpty() ? "" : ",")
                    .append("{\"Code\":\"")
                    .append(code)
                    .append("\"}");
        }
        return Reply.dynamoError(
                400,
                "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons",
                "\"CancellationReasons\":[" + reasons + "]");
    }

    /** A GetItem answer holding the given attributes, all strings. */
    static Reply item(String... namesAndValues) {
        StringBuilder item = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            item.append(item.isEmpty() ? "" : ",")
                    .append('"')
                    .append(namesAndValues[i])
                    .append("\":{\"S\":\"")
                    .append(namesAndValues[i + 1])
                    .append("\"}");
        }
        return Reply.dynamo(200, "{\"Item\":{" + item + "}}");
    }
}
