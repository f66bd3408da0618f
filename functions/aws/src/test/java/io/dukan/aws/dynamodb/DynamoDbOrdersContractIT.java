package io.dukan.aws.dynamodb;

import io.dukan.aws.testing.Emulators;
import io.dukan.core.testing.OrderRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The DynamoDB order adapters against DynamoDB Local, by the contract the in-memory fake also keeps. */
class DynamoDbOrdersContractIT extends OrderRepositoryContract {

    static Emulators emulators;
    static Ports ports;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        TableName table = TestTables.emulators();
        DynamoDbOrderAdmin admin = new DynamoDbOrderAdmin(emulators.dynamo(), table);
        ports = new Ports(
                new DynamoDbProducts(emulators.dynamo(), table),
                new DynamoDbOrders(emulators.dynamo(), table),
                admin,
                admin);
    }

    @AfterAll
    static void stop() throws Exception {
        emulators.close();
    }

    @Override
    protected Ports ports() {
        return ports;
    }
}
