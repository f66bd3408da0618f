package io.dukan.aws.dynamodb;

import io.dukan.aws.DukanProperties;
import jakarta.inject.Singleton;

/** The table's name, checked once at start so a missing setting fails loudly, not on a shopper's request. */
@Singleton
final class TableName {

    private final String value;

    TableName(DukanProperties properties) {
        if (properties.getTable() == null || properties.getTable().isBlank()) {
            throw new IllegalStateException("dukan.table (env DUKAN_TABLE) is not set");
        }
        this.value = properties.getTable();
    }

    String value() {
        return value;
    }
}
