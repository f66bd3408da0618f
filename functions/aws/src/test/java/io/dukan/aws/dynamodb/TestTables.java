package io.dukan.aws.dynamodb;

import io.dukan.aws.DukanProperties;
import io.dukan.aws.testing.Emulators;

/** The table name an adapter is built with in tests, as the function's configuration would give it. */
public final class TestTables {

    private TestTables() {}

    public static TableName named(String table) {
        DukanProperties properties = new DukanProperties(new DukanProperties.Endpoints());
        properties.setTable(table);
        return new TableName(properties);
    }

    /** The emulators' table (as template.yaml declares it). */
    public static TableName emulators() {
        return named(Emulators.TABLE);
    }
}
