package io.dukan.aws.testing;

import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB client on the emulators that counts the requests it sends, by operation name ("GetItem", "Query"):
 * for tests of how many round trips a listing or a page costs. Hand it to a repository, or to a function's context
 * as its DynamoDB client ({@code ApplicationContext.builder().singletons(counted.client())}).
 */
public final class CountedDynamoDb implements ExecutionInterceptor, AutoCloseable {

    private final Map<String, Integer> calls = new ConcurrentHashMap<>();
    private final DynamoDbClient client;

    public CountedDynamoDb(Emulators emulators) {
        client = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(
                        URI.create((String) emulators.functionProperties().get("dukan.endpoints.dynamodb")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(this))
                .build();
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        calls.merge(context.request().getClass().getSimpleName().replace("Request", ""), 1, Integer::sum);
    }

    public DynamoDbClient client() {
        return client;
    }

    /** The requests sent since the last {@link #reset}, by operation, sorted by name. */
    public Map<String, Integer> calls() {
        return new TreeMap<>(calls);
    }

    public int calls(String operation) {
        return calls.getOrDefault(operation, 0);
    }

    public void reset() {
        calls.clear();
    }

    @Override
    public void close() {
        client.close();
    }
}
