package io.dukan.local.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DynamoDB table as the template declares it (AWS::DynamoDB::Table): what the local cloud needs to create the
 * same table in DynamoDB Local.
 *
 * @param attributeTypes attribute name → S, N or B, in declaration order
 * @param rangeKey       null when the table has a partition key only
 * @param globalIndexes  never null
 * @param ttlAttribute   the TTL attribute when TTL is enabled, else null
 * @param streamViewType StreamSpecification.StreamViewType (NEW_AND_OLD_IMAGES, …), or null without a stream
 */
public record TableSpec(
        String logicalId,
        Map<String, String> attributeTypes,
        String hashKey,
        String rangeKey,
        List<IndexSpec> globalIndexes,
        String ttlAttribute,
        String streamViewType) {

    public TableSpec {
        attributeTypes =
                attributeTypes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributeTypes));
        globalIndexes = globalIndexes == null ? List.of() : List.copyOf(globalIndexes);
    }

    public TableSpec(
            String logicalId,
            Map<String, String> attributeTypes,
            String hashKey,
            String rangeKey,
            List<IndexSpec> globalIndexes,
            String ttlAttribute) {
        this(logicalId, attributeTypes, hashKey, rangeKey, globalIndexes, ttlAttribute, null);
    }
}
