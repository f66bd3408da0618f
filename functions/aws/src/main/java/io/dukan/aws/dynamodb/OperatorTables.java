package io.dukan.aws.dynamodb;

import io.dukan.core.operator.OperatorRepository;
import io.dukan.core.operator.PlatformAudit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The operator's adapters for code that runs outside the functions' bean context (the operator command, the local
 * cloud's first operator): handed out as core ports, the adapters themselves stay package-private.
 */
public final class OperatorTables {

    private OperatorTables() {}

    public static OperatorRepository operators(DynamoDbClient dynamo, String table) {
        return new DynamoDbOperators(dynamo, table);
    }

    public static PlatformAudit audit(DynamoDbClient dynamo, String table) {
        return new DynamoDbOperators(dynamo, table);
    }

    /** Adds every store of the registry to the operator's directory; the number of stores written. */
    public static int rebuildStoreDirectory(DynamoDbClient dynamo, String table) {
        return new DynamoDbStoreDirectory(dynamo, table).rebuild();
    }
}
