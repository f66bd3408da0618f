package io.dukan.aws.dynamodb;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Builds an item from its key and attributes; reads attributes back with absent-safe getters. */
final class Items {

    private final Map<String, AttributeValue> values;

    private Items(Map<String, AttributeValue> values) {
        this.values = values;
    }

    static Items item(Map<String, AttributeValue> key) {
        return new Items(new HashMap<>(key));
    }

    static Items of(Map<String, AttributeValue> item) {
        return new Items(item);
    }

    Items with(String name, String value) {
        if (value != null) {
            values.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    Items with(String name, long value) {
        values.put(name, AttributeValue.fromN(Long.toString(value)));
        return this;
    }

    Items with(String name, AttributeValue value) {
        values.put(name, value);
        return this;
    }

    Map<String, AttributeValue> build() {
        return values;
    }

    String s(String name) {
        AttributeValue v = values.get(name);
        return v == null ? null : v.s();
    }

    long n(String name) {
        AttributeValue v = values.get(name);
        return v == null || v.n() == null ? 0 : Long.parseLong(v.n());
    }

    AttributeValue raw(String name) {
        return values.get(name);
    }
}
