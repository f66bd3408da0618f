package io.dukan.bench.child;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cold-start floor: the least a Lambda handler answering a store page from DynamoDB can do. Its client is built
 * once at init (as the shop's is), with the same SDK client type (URL-connection); each request is one GetItem
 * (a product of the store) and a line of HTML with what it read. No framework, no routing, no templates.
 */
public final class FloorHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final DynamoDbClient dynamo;
    private final String table;
    private final Map<String, AttributeValue> key;

    public FloorHandler(String endpoint, String region, String credential, String table, String pk, String sk) {
        this.dynamo = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().build())
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(credential, credential)))
                .build();
        this.table = table;
        this.key = Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        Map<String, AttributeValue> item = dynamo.getItem(
                        r -> r.tableName(table).key(key).consistentRead(true))
                .item();
        AttributeValue name = item == null ? null : item.get("name");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(name == null ? 404 : 200)
                .withHeaders(Map.of("Content-Type", "text/html; charset=utf-8"))
                .withBody("<!doctype html><title>floor</title><p>" + (name == null ? "" : name.s()) + "</p>");
    }
}
