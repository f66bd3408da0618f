package io.dukan.local.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * template.yaml read as data: the whole document ({@link #raw()}) and the parts the local cloud builds from it —
 * tables, buckets, functions with their environment and API routes. Nothing is resolved here: values that
 * CloudFormation computes at deploy time stay intrinsic maps ({@code {Ref: DukanTable}}) for the caller to
 * resolve; a value the specs need as a literal (a key name, a handler) must be one, or loading fails and says
 * where.
 *
 * <p>Read with SnakeYAML and a constructor for CloudFormation's {@code !Ref}, {@code !GetAtt}, {@code !Sub}, …
 * tags, not with Jackson's YAML mapper: Jackson drops unknown tags and keeps only the tagged scalar, so
 * {@code !Ref MediaBucket} would read as the string "MediaBucket" and {@code !GetAtt DukanTable.Arn} as
 * "DukanTable.Arn" — indistinguishable from literals, and wrong for the SAM schema, which expects the long
 * forms ({@code {Ref: …}}, {@code {Fn::GetAtt: […]}}).
 */
public final class SamTemplate {

    private static final String TABLE = "AWS::DynamoDB::Table";
    private static final String BUCKET = "AWS::S3::Bucket";
    private static final String FUNCTION = "AWS::Serverless::Function";
    private static final String QUEUE = "AWS::SQS::Queue";

    private final Map<String, Object> raw;
    private final List<TableSpec> tables;
    private final List<BucketSpec> buckets;
    private final List<FunctionSpec> functions;
    private final List<QueueSpec> queues;

    private SamTemplate(Map<String, Object> raw, String source) {
        this.raw = raw;
        Map<String, Map<String, Object>> resources = resources(raw, source);
        List<TableSpec> tableSpecs = new ArrayList<>();
        List<BucketSpec> bucketSpecs = new ArrayList<>();
        List<FunctionSpec> functionSpecs = new ArrayList<>();
        List<QueueSpec> queueSpecs = new ArrayList<>();
        Map<String, Object> functionGlobals = Values.map(
                Values.map(raw.get("Globals"), source + ": Globals").get("Function"), source + ": Globals.Function");
        resources.forEach((id, resource) -> {
            Values.Where where = new Values.Where(source + ": Resources." + id);
            switch (String.valueOf(resource.get("Type"))) {
                case TABLE -> tableSpecs.add(Specs.table(id, properties(resource, where), where));
                case BUCKET -> bucketSpecs.add(Specs.bucket(id, properties(resource, where), where));
                case QUEUE -> queueSpecs.add(Specs.queue(id, properties(resource, where), where));
                case FUNCTION ->
                    functionSpecs.add(Specs.function(
                            id,
                            SamGlobals.merge(
                                    functionGlobals, properties(resource, where), resource.get("IgnoreGlobals")),
                            where));
                default -> {
                    // other resource types are deployed by CloudFormation only
                }
            }
        });
        this.tables = List.copyOf(tableSpecs);
        this.buckets = List.copyOf(bucketSpecs);
        this.functions = List.copyOf(functionSpecs);
        this.queues = List.copyOf(queueSpecs);
    }

    /**
     * Reads a template file.
     *
     * @throws UncheckedIOException     when the file cannot be read
     * @throws IllegalArgumentException when it is not a template these specs can be read from; the message names
     *                                  the file and the place
     */
    public static SamTemplate load(Path templateYaml) {
        String text;
        try {
            text = Files.readString(templateYaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + templateYaml, e);
        }
        return parse(text, templateYaml.toString());
    }

    /** Reads template text; {@code source} names it in error messages. */
    static SamTemplate parse(String yaml, String source) {
        return new SamTemplate(CloudFormationYaml.parse(yaml, source), source);
    }

    /**
     * The whole document, unmodifiable, with every short-form tag in its long form: {@code !Ref X} →
     * {@code {Ref: X}}, {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}, {@code !Sub s} → {@code {Fn::Sub: s}},
     * any other {@code !X v} → {@code {Fn::X: v}}.
     */
    public Map<String, Object> raw() {
        return raw;
    }

    /**
     * The REST API's MinimumCompressionSize (bytes), when the template's AWS::Serverless::Api (or
     * AWS::ApiGateway::RestApi) sets one: API Gateway then gzips any response at least this large for a client
     * that accepts gzip, and the local gateway does the same. Empty: no compression.
     */
    public OptionalInt minimumCompressionSize() {
        Object resources = raw.get("Resources");
        if (!(resources instanceof Map<?, ?> all)) {
            return OptionalInt.empty();
        }
        for (Object resource : all.values()) {
            if (resource instanceof Map<?, ?> r
                    && ("AWS::Serverless::Api".equals(r.get("Type"))
                            || "AWS::ApiGateway::RestApi".equals(r.get("Type")))
                    && r.get("Properties") instanceof Map<?, ?> properties
                    && properties.get("MinimumCompressionSize") != null) {
                return OptionalInt.of(Integer.parseInt(String.valueOf(properties.get("MinimumCompressionSize"))));
            }
        }
        return OptionalInt.empty();
    }

    /** Resources of Type AWS::DynamoDB::Table, in template order. */
    public List<TableSpec> tables() {
        return tables;
    }

    /** Resources of Type AWS::S3::Bucket, in template order. */
    public List<BucketSpec> buckets() {
        return buckets;
    }

    /** Resources of Type AWS::Serverless::Function, Globals.Function merged in, in template order. */
    public List<FunctionSpec> functions() {
        return functions;
    }

    /** Resources of Type AWS::SQS::Queue, in template order. */
    public List<QueueSpec> queues() {
        return queues;
    }

    private static Map<String, Map<String, Object>> resources(Map<String, Object> raw, String source) {
        Map<String, Object> resources = Values.map(raw.get("Resources"), source + ": Resources");
        Map<String, Map<String, Object>> typed = new LinkedHashMap<>();
        resources.forEach((id, resource) -> typed.put(id, Values.map(resource, source + ": Resources." + id)));
        return typed;
    }

    private static Map<String, Object> properties(Map<String, Object> resource, Values.Where where) {
        return Values.map(resource.get("Properties"), where.at("Properties"));
    }

    /** Builds the specs from one resource's (merged) Properties. */
    private static final class Specs {

        private Specs() {}

        static TableSpec table(String id, Map<String, Object> properties, Values.Where where) {
            Map<String, String> attributeTypes = new LinkedHashMap<>();
            List<Object> definitions =
                    Values.list(properties.get("AttributeDefinitions"), where.at("Properties.AttributeDefinitions"));
            for (int i = 0; i < definitions.size(); i++) {
                String at = where.at("Properties.AttributeDefinitions[" + i + "]");
                Map<String, Object> definition = Values.map(definitions.get(i), at);
                attributeTypes.put(
                        Values.text(definition.get("AttributeName"), at + ".AttributeName"),
                        Values.text(definition.get("AttributeType"), at + ".AttributeType"));
            }
            String[] key = keySchema(properties.get("KeySchema"), where.at("Properties.KeySchema"));

            List<IndexSpec> indexes = new ArrayList<>();
            List<Object> declared = Values.list(
                    properties.get("GlobalSecondaryIndexes"), where.at("Properties.GlobalSecondaryIndexes"));
            for (int i = 0; i < declared.size(); i++) {
                String at = where.at("Properties.GlobalSecondaryIndexes[" + i + "]");
                Map<String, Object> index = Values.map(declared.get(i), at);
                String[] indexKey = keySchema(index.get("KeySchema"), at + ".KeySchema");
                Object projectionType =
                        Values.map(index.get("Projection"), at + ".Projection").get("ProjectionType");
                indexes.add(new IndexSpec(
                        Values.text(index.get("IndexName"), at + ".IndexName"),
                        indexKey[0],
                        indexKey[1],
                        projectionType == null
                                ? null
                                : Values.text(projectionType, at + ".Projection.ProjectionType")));
            }

            String ttlAttribute = null;
            Map<String, Object> ttl = Values.map(
                    properties.get("TimeToLiveSpecification"), where.at("Properties.TimeToLiveSpecification"));
            if (Values.isTrue(ttl.get("Enabled"))) {
                ttlAttribute = Values.text(
                        ttl.get("AttributeName"), where.at("Properties.TimeToLiveSpecification.AttributeName"));
            }
            Object stream = Values.map(
                            properties.get("StreamSpecification"), where.at("Properties.StreamSpecification"))
                    .get("StreamViewType");
            return new TableSpec(
                    id,
                    attributeTypes,
                    key[0],
                    key[1],
                    indexes,
                    ttlAttribute,
                    stream == null
                            ? null
                            : Values.text(stream, where.at("Properties.StreamSpecification.StreamViewType")));
        }

        /** {hash, range}; range is null when absent. */
        private static String[] keySchema(Object value, String where) {
            String hash = null;
            String range = null;
            List<Object> elements = Values.list(value, where);
            for (int i = 0; i < elements.size(); i++) {
                Map<String, Object> element = Values.map(elements.get(i), where + "[" + i + "]");
                String name = Values.text(element.get("AttributeName"), where + "[" + i + "].AttributeName");
                String type = Values.text(element.get("KeyType"), where + "[" + i + "].KeyType");
                switch (type) {
                    case "HASH" -> hash = name;
                    case "RANGE" -> range = name;
                    default ->
                        throw new IllegalArgumentException(where + "[" + i + "].KeyType: HASH or RANGE, not " + type);
                }
            }
            if (hash == null) {
                throw new IllegalArgumentException(where + ": no HASH key");
            }
            return new String[] {hash, range};
        }

        static BucketSpec bucket(String id, Map<String, Object> properties, Values.Where where) {
            Map<String, Object> cors =
                    Values.map(properties.get("CorsConfiguration"), where.at("Properties.CorsConfiguration"));
            List<Object> rules = Values.list(cors.get("CorsRules"), where.at("Properties.CorsConfiguration.CorsRules"));
            List<CorsRule> specs = new ArrayList<>();
            for (int i = 0; i < rules.size(); i++) {
                String at = where.at("Properties.CorsConfiguration.CorsRules[" + i + "]");
                Map<String, Object> rule = Values.map(rules.get(i), at);
                Object maxAge = rule.get("MaxAge");
                specs.add(new CorsRule(
                        Values.texts(rule.get("AllowedOrigins"), at + ".AllowedOrigins"),
                        Values.texts(rule.get("AllowedMethods"), at + ".AllowedMethods"),
                        Values.texts(rule.get("AllowedHeaders"), at + ".AllowedHeaders"),
                        Values.texts(rule.get("ExposedHeaders"), at + ".ExposedHeaders"),
                        maxAge == null ? null : Values.integer(maxAge, at + ".MaxAge")));
            }
            return new BucketSpec(id, specs);
        }

        static FunctionSpec function(String id, Map<String, Object> properties, Values.Where where) {
            Object handler = properties.get("Handler");
            Map<String, Object> environment = Values.map(
                    Values.map(properties.get("Environment"), where.at("Properties.Environment"))
                            .get("Variables"),
                    where.at("Properties.Environment.Variables"));
            List<ApiRoute> routes = new ArrayList<>();
            List<QueueEvent> queueEvents = new ArrayList<>();
            List<StreamEvent> streamEvents = new ArrayList<>();
            List<String> schedules = new ArrayList<>();
            Values.map(properties.get("Events"), where.at("Properties.Events")).forEach((name, value) -> {
                String at = where.at("Properties.Events." + name);
                Map<String, Object> event = Values.map(value, at);
                if ("Api".equals(event.get("Type"))) {
                    Map<String, Object> api = Values.map(event.get("Properties"), at + ".Properties");
                    routes.add(new ApiRoute(
                            Values.text(api.get("Path"), at + ".Properties.Path"),
                            Values.text(api.get("Method"), at + ".Properties.Method")
                                    .toUpperCase(Locale.ROOT)));
                } else if ("SQS".equals(event.get("Type"))) {
                    Map<String, Object> sqs = Values.map(event.get("Properties"), at + ".Properties");
                    Object batch = sqs.get("BatchSize");
                    queueEvents.add(new QueueEvent(
                            arnOf(sqs.get("Queue"), at + ".Properties.Queue"),
                            batch == null ? 10 : Values.integer(batch, at + ".Properties.BatchSize"),
                            Values.texts(sqs.get("FunctionResponseTypes"), at + ".Properties.FunctionResponseTypes")
                                    .contains("ReportBatchItemFailures")));
                } else if ("Schedule".equals(event.get("Type"))) {
                    Map<String, Object> schedule = Values.map(event.get("Properties"), at + ".Properties");
                    schedules.add(Values.text(schedule.get("Schedule"), at + ".Properties.Schedule"));
                } else if ("DynamoDB".equals(event.get("Type"))) {
                    Map<String, Object> ddb = Values.map(event.get("Properties"), at + ".Properties");
                    Object batch = ddb.get("BatchSize");
                    List<String> patterns = new ArrayList<>();
                    Object filters = Values.map(ddb.get("FilterCriteria"), at + ".Properties.FilterCriteria")
                            .get("Filters");
                    if (filters instanceof List<?> list) {
                        for (int i = 0; i < list.size(); i++) {
                            String f = at + ".Properties.FilterCriteria.Filters[" + i + "]";
                            patterns.add(Values.text(Values.map(list.get(i), f).get("Pattern"), f + ".Pattern"));
                        }
                    }
                    streamEvents.add(new StreamEvent(
                            streamOf(ddb.get("Stream"), at + ".Properties.Stream"),
                            batch == null ? 100 : Values.integer(batch, at + ".Properties.BatchSize"),
                            patterns,
                            Values.texts(ddb.get("FunctionResponseTypes"), at + ".Properties.FunctionResponseTypes")
                                    .contains("ReportBatchItemFailures")));
                }
            });
            return new FunctionSpec(
                    id,
                    handler == null ? null : Values.text(handler, where.at("Properties.Handler")),
                    environment,
                    routes,
                    queueEvents,
                    streamEvents,
                    schedules);
        }

        static QueueSpec queue(String id, Map<String, Object> properties, Values.Where where) {
            Object visibility = properties.get("VisibilityTimeout");
            Map<String, Object> redrive =
                    Values.map(properties.get("RedrivePolicy"), where.at("Properties.RedrivePolicy"));
            String deadLetter = redrive.isEmpty()
                    ? null
                    : arnOf(
                            redrive.get("deadLetterTargetArn"),
                            where.at("Properties.RedrivePolicy.deadLetterTargetArn"));
            int maxReceives = redrive.isEmpty()
                    ? 0
                    : Values.integer(
                            redrive.get("maxReceiveCount"), where.at("Properties.RedrivePolicy.maxReceiveCount"));
            return new QueueSpec(
                    id,
                    visibility == null ? 30 : Values.integer(visibility, where.at("Properties.VisibilityTimeout")),
                    deadLetter,
                    maxReceives);
        }

        /** The logical id X of {@code !GetAtt X.Arn} (the only way the template names a queue's ARN). */
        private static String streamOf(Object value, String where) {
            if (value instanceof Map<?, ?> map
                    && map.get("Fn::GetAtt") instanceof List<?> parts
                    && parts.size() == 2
                    && "StreamArn".equals(String.valueOf(parts.get(1)))) {
                return String.valueOf(parts.get(0));
            }
            throw new IllegalArgumentException(where + ": a table's stream written as !GetAtt Table.StreamArn");
        }

        private static String arnOf(Object value, String where) {
            if (value instanceof Map<?, ?> map
                    && map.get("Fn::GetAtt") instanceof List<?> parts
                    && parts.size() == 2
                    && "Arn".equals(String.valueOf(parts.get(1)))) {
                return String.valueOf(parts.get(0));
            }
            throw new IllegalArgumentException(where + ": a queue's ARN written as !GetAtt Queue.Arn");
        }
    }

    /**
     * SAM's Globals rules (samtranslator's globals.py): a map merges key by key, a list is the global items
     * followed by the function's, anything else — including an intrinsic function, and a value whose kind differs
     * between the two — is the function's own. IgnoreGlobals ("*" or a list of property names) opts out.
     */
    static final class SamGlobals {

        private SamGlobals() {}

        static Map<String, Object> merge(Map<String, Object> globals, Map<String, Object> local, Object ignore) {
            if ("*".equals(ignore)) {
                return local;
            }
            Set<String> ignored = ignore instanceof List<?> names
                    ? Set.copyOf(names.stream().map(String::valueOf).toList())
                    : Set.of();
            Map<String, Object> applicable = new LinkedHashMap<>(globals);
            applicable.keySet().removeAll(ignored);
            return mergeMaps(applicable, local);
        }

        private static Object merge(Object global, Object local) {
            if (isPlainMap(global) && isPlainMap(local)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> merged = mergeMaps((Map<String, Object>) global, (Map<String, Object>) local);
                return merged;
            }
            if (global instanceof List<?> globalItems && local instanceof List<?> localItems) {
                List<Object> merged = new ArrayList<>(globalItems);
                merged.addAll(localItems);
                return Collections.unmodifiableList(merged);
            }
            return local;
        }

        private static Map<String, Object> mergeMaps(Map<String, Object> global, Map<String, Object> local) {
            Map<String, Object> merged = new LinkedHashMap<>(global);
            local.forEach(
                    (key, value) -> merged.put(key, merged.containsKey(key) ? merge(merged.get(key), value) : value));
            return Collections.unmodifiableMap(merged);
        }

        /** A map that is not an intrinsic function ({Ref: …}, {Condition: …}, {Fn::…: …}). */
        private static boolean isPlainMap(Object value) {
            if (!(value instanceof Map<?, ?> map)) {
                return false;
            }
            if (map.size() != 1) {
                return true;
            }
            String key = String.valueOf(map.keySet().iterator().next());
            return !(key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::"));
        }
    }
}
