package io.dukan.core.testing;

/** The in-memory fake keeps the order ports' contract (the DynamoDB adapter runs the same tests). */
class InMemoryOrdersTest extends OrderRepositoryContract {

    private final InMemoryCatalog catalog = new InMemoryCatalog();
    private final InMemoryOrders orders = new InMemoryOrders(catalog);

    @Override
    protected Ports ports() {
        return new Ports(catalog, orders, orders, orders);
    }
}
