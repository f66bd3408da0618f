package io.dukan.local;

import io.dukan.local.template.BucketSpec;
import io.dukan.local.template.IndexSpec;
import io.dukan.local.template.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Creates the template's tables and buckets in the emulators when they are absent, exactly as declared (key
 * schema, attribute types, GSIs, on-demand billing, TTL attribute). Existing ones are kept with their data; a GSI
 * declared since is added, as a stack update would.
 */
final class TemplateResources {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateResources.class);

    private TemplateResources() {}

    static void ensureTable(DynamoDbClient dynamo, TableSpec spec) {
        String name = LocalNames.resourceName(spec.logicalId());
        // listTables, not describeTable: DynamoDB Local logs a stack trace for every describe of a missing table
        if (!dynamo.listTablesPaginator().tableNames().stream().anyMatch(name::equals)) {
            createTable(dynamo, spec, name);
            return;
        }
        TableDescription existing = dynamo.describeTable(r -> r.tableName(name)).table();
        Set<String> present = existing.globalSecondaryIndexes() == null
                ? Set.of()
                : existing.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndexDescription::indexName)
                        .collect(Collectors.toSet());
        for (Index index : indexes(spec)) {
            if (!present.contains(index.indexName())) {
                LOG.info("table {}: adding index {} declared in the template", name, index.indexName());
                GlobalSecondaryIndexUpdate create = GlobalSecondaryIndexUpdate.builder()
                        .create(CreateGlobalSecondaryIndexAction.builder()
                                .indexName(index.indexName())
                                .keySchema(index.keySchema())
                                .projection(index.projection())
                                .build())
                        .build();
                dynamo.updateTable(r -> r.tableName(name)
                        .attributeDefinitions(attributeDefinitions(spec))
                        .globalSecondaryIndexUpdates(create));
            }
        }
        if (spec.streamViewType() != null
                && (existing.streamSpecification() == null
                        || !Boolean.TRUE.equals(existing.streamSpecification().streamEnabled()))) {
            // a data folder from before the template declared the stream
            LOG.info("table {}: enabling its stream ({}) declared in the template", name, spec.streamViewType());
            dynamo.updateTable(r -> r.tableName(name)
                    .streamSpecification(st -> st.streamEnabled(true).streamViewType(spec.streamViewType())));
        }
        LOG.info("table {} exists ({} items)", name, existing.itemCount());
    }

    private static void createTable(DynamoDbClient dynamo, TableSpec spec, String name) {
        List<GlobalSecondaryIndex> indexes = indexes(spec).stream()
                .map(i -> GlobalSecondaryIndex.builder()
                        .indexName(i.indexName())
                        .keySchema(i.keySchema())
                        .projection(i.projection())
                        .build())
                .toList();
        dynamo.createTable(r -> {
            r.tableName(name)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attributeDefinitions(spec))
                    .keySchema(keySchema(spec.hashKey(), spec.rangeKey()));
            if (!indexes.isEmpty()) {
                r.globalSecondaryIndexes(indexes);
            }
            if (spec.streamViewType() != null) {
                r.streamSpecification(st -> st.streamEnabled(true).streamViewType(spec.streamViewType()));
            }
        });
        if (spec.ttlAttribute() != null) {
            // accepted, not enforced by DynamoDB Local: code must ignore expired items itself
            dynamo.updateTimeToLive(r -> r.tableName(name)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName(spec.ttlAttribute())));
        }
        LOG.info(
                "table {} created (key {}{}, {} index(es){})",
                name,
                spec.hashKey(),
                spec.rangeKey() == null ? "" : "/" + spec.rangeKey(),
                indexes.size(),
                spec.ttlAttribute() == null ? "" : ", TTL " + spec.ttlAttribute());
    }

    static void ensureBucket(S3Client s3, BucketSpec spec) {
        String name = LocalNames.resourceName(spec.logicalId());
        try {
            s3.headBucket(r -> r.bucket(name));
            LOG.info("bucket {} exists", name);
        } catch (NoSuchBucketException absent) {
            s3.createBucket(r -> r.bucket(name));
            LOG.info("bucket {} created", name);
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(r -> r.bucket(name));
            LOG.info("bucket {} created", name);
        }
    }

    private record Index(String indexName, List<KeySchemaElement> keySchema, Projection projection) {}

    private static List<Index> indexes(TableSpec spec) {
        List<Index> indexes = new ArrayList<>();
        if (spec.globalIndexes() != null) {
            for (IndexSpec index : spec.globalIndexes()) {
                indexes.add(new Index(index.name(), keySchema(index.hashKey(), index.rangeKey()), projection(index)));
            }
        }
        return indexes;
    }

    private static Projection projection(IndexSpec index) {
        String type =
                index.projectionType() == null ? "ALL" : index.projectionType().toUpperCase(Locale.ROOT);
        if (type.equals("INCLUDE")) {
            // the contract does not carry NonKeyAttributes; ALL is a superset, so reads behave the same locally
            LOG.warn("index {}: projection INCLUDE is created as ALL locally", index.name());
            type = "ALL";
        }
        return Projection.builder()
                .projectionType(ProjectionType.fromValue(type))
                .build();
    }

    private static List<AttributeDefinition> attributeDefinitions(TableSpec spec) {
        return spec.attributeTypes().entrySet().stream()
                .map(e -> AttributeDefinition.builder()
                        .attributeName(e.getKey())
                        .attributeType(e.getValue())
                        .build())
                .toList();
    }

    private static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(hashKey)
                .keyType(KeyType.HASH)
                .build());
        if (rangeKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(rangeKey)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
    }
}
