package io.dukan.local.template;

/**
 * A global secondary index of a table.
 *
 * @param rangeKey       null when the index has a partition key only
 * @param projectionType ALL, KEYS_ONLY or INCLUDE; null when the template names none
 */
public record IndexSpec(String name, String hashKey, String rangeKey, String projectionType) {}
