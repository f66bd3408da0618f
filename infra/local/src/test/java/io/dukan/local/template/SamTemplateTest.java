package io.dukan.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SamTemplateTest {

    /** The project's own template, as the local cloud reads it. */
    private final SamTemplate project = SamTemplate.load(ProjectFiles.template());

    /** A template whose only content is {@code Value: <yaml>} under Outputs.X, so tags can be read back. */
    private static Object valueOf(String yaml) {
        SamTemplate template = SamTemplate.parse("Resources: {}\nOutputs:\n  X:\n    Value: " + yaml + "\n", "test");
        return ((Map<?, ?>) ((Map<?, ?>) template.raw().get("Outputs")).get("X")).get("Value");
    }

    private static SamTemplate template(String yaml) {
        return SamTemplate.parse(yaml, "test.yaml");
    }

    @Test
    void tag_ref_becomesRefMap() {
        assertThat(valueOf("!Ref MediaBucket")).isEqualTo(Map.of("Ref", "MediaBucket"));
    }

    @Test
    void tag_getAtt_scalar_splitsAtTheFirstDot() {
        assertThat(valueOf("!GetAtt DukanTable.Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("DukanTable", "Arn")));
        assertThat(valueOf("!GetAtt Db.Endpoint.Address"))
                .isEqualTo(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")));
    }

    @Test
    void tag_getAtt_sequence_isKept() {
        assertThat(valueOf("!GetAtt [DukanTable, Arn]")).isEqualTo(Map.of("Fn::GetAtt", List.of("DukanTable", "Arn")));
    }

    @Test
    void tag_getAtt_withoutAttribute_isRefused() {
        assertThatThrownBy(() -> valueOf("!GetAtt DukanTable"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("!GetAtt needs Resource.Attribute");
    }

    @Test
    void tag_sub_scalarAndSequence() {
        assertThat(valueOf("!Sub 'arn:${AWS::Partition}:s3:::${MediaBucket}'"))
                .isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:s3:::${MediaBucket}"));
        assertThat(valueOf("!Sub ['${A}-x', {A: !Ref B}]"))
                .isEqualTo(Map.of("Fn::Sub", List.of("${A}-x", Map.of("A", Map.of("Ref", "B")))));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Join",
                "If",
                "Equals",
                "Not",
                "Select",
                "Split",
                "FindInMap",
                "ImportValue",
                "Base64",
                "And",
                "Or",
                "GetAZs",
                "Cidr"
            })
    void tag_others_becomeFnMaps(String name) {
        assertThat(valueOf("!" + name + " [a, 1]")).isEqualTo(Map.of("Fn::" + name, List.of("a", 1)));
    }

    @Test
    void tag_condition_becomesConditionMap() {
        assertThat(valueOf("!And [!Condition HasShopDomain, !Equals [!Ref A, b]]"))
                .isEqualTo(Map.of(
                        "Fn::And",
                        List.of(
                                Map.of("Condition", "HasShopDomain"),
                                Map.of("Fn::Equals", List.of(Map.of("Ref", "A"), "b")))));
    }

    @Test
    void tags_nest_inMappingsAndSequences() {
        assertThat(valueOf("!Join ['', [!Ref A, !GetAtt B.Arn, {k: !Base64 x}]]"))
                .isEqualTo(Map.of(
                        "Fn::Join",
                        List.of(
                                "",
                                List.of(
                                        Map.of("Ref", "A"),
                                        Map.of("Fn::GetAtt", List.of("B", "Arn")),
                                        Map.of("k", Map.of("Fn::Base64", "x"))))));
    }

    @Test
    void tag_ifWithMappingArguments() {
        assertThat(valueOf("!If [C, {Ref: X}, !Ref AWS::NoValue]"))
                .isEqualTo(Map.of("Fn::If", List.of("C", Map.of("Ref", "X"), Map.of("Ref", "AWS::NoValue"))));
    }

    @Test
    void tag_emptyScalar_isEmptyText() {
        assertThat(valueOf("!Select [0, !GetAZs '']"))
                .isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::GetAZs", ""))));
    }

    @Test
    void dateLikeValues_stayText_likePolicyVersions() {
        assertThat(valueOf("2012-10-17")).isEqualTo("2012-10-17");
    }

    @Test
    void numbersAndBooleans_keepTheirTypes() {
        assertThat(valueOf("[1024, true, '29']")).isEqualTo(List.of(1024, true, "29"));
    }

    @Test
    void duplicateKeys_areRefused() {
        assertThatThrownBy(() -> template("Resources:\n  A: {Type: X}\n  A: {Type: Y}\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.yaml")
                .hasMessageContaining("found duplicate key A");
    }

    @Test
    void nonStringKeys_becomeStrings() {
        Object responses = valueOf("{200: ok}");
        assertThat(responses).isEqualTo(Map.of("200", "ok"));
    }

    @Test
    void raw_isUnmodifiable() {
        Map<String, Object> raw = template("Resources: {A: {Type: X}}\n").raw();
        assertThatThrownBy(() -> raw.put("B", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nonMappingDocument_isRefused() {
        assertThatThrownBy(() -> template("- a\n- b\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mapping at the top level");
    }

    @Test
    void table_keysIndexesAndTtl() {
        SamTemplate template = template("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions:
                        - {AttributeName: pk, AttributeType: S}
                        - {AttributeName: g1, AttributeType: N}
                      KeySchema:
                        - {AttributeName: pk, KeyType: HASH}
                      GlobalSecondaryIndexes:
                        - IndexName: byG1
                          KeySchema: [{AttributeName: g1, KeyType: HASH}, {AttributeName: pk, KeyType: RANGE}]
                          Projection: {ProjectionType: KEYS_ONLY}
                      TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: true}
                  Untimed:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: false}
                """);

        assertThat(template.tables())
                .containsExactly(
                        new TableSpec(
                                "T",
                                Map.of("pk", "S", "g1", "N"),
                                "pk",
                                null,
                                List.of(new IndexSpec("byG1", "g1", "pk", "KEYS_ONLY")),
                                "expiresAt"),
                        new TableSpec("Untimed", Map.of("id", "S"), "id", null, List.of(), null));
    }

    @Test
    void table_keyComputedByAnIntrinsic_isRefusedWithItsPlace() {
        assertThatThrownBy(() -> template("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema: [{AttributeName: !Ref KeyName, KeyType: HASH}]
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.yaml: Resources.T.Properties.KeySchema[0].AttributeName")
                .hasMessageContaining("{\"Ref\":\"KeyName\"}");
    }

    @Test
    void bucket_corsRules_intrinsicOriginsKeptAsJson() {
        SamTemplate template = template("""
                Resources:
                  Media:
                    Type: AWS::S3::Bucket
                    Properties:
                      CorsConfiguration:
                        CorsRules:
                          - AllowedOrigins: ['https://*.example.com', !Sub 'https://${Api}.example.com']
                            AllowedMethods: [GET, PUT]
                            AllowedHeaders: [content-type]
                            MaxAge: 3000
                  Plain:
                    Type: AWS::S3::Bucket
                """);

        assertThat(template.buckets())
                .containsExactly(
                        new BucketSpec(
                                "Media",
                                List.of(new CorsRule(
                                        List.of(
                                                "https://*.example.com",
                                                "{\"Fn::Sub\":\"https://${Api}.example.com\"}"),
                                        List.of("GET", "PUT"),
                                        List.of("content-type"),
                                        List.of(),
                                        3000))),
                        new BucketSpec("Plain", List.of()));
    }

    @Test
    void function_handlerEnvironmentAndApiRoutes() {
        SamTemplate template = template("""
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: a.B::handleRequest
                      Environment:
                        Variables:
                          TABLE: !Ref T
                          PLAIN: text
                      Events:
                        Home: {Type: Api, Properties: {Path: /, Method: get}}
                        Queue: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}
                        Reported: {Type: SQS, Properties: {Queue: !GetAtt R.Arn, BatchSize: 1,
                                   FunctionResponseTypes: [ReportBatchItemFailures]}}
                        Any: {Type: Api, Properties: {Path: '/s/{store}/{proxy+}', Method: any}}
                """);

        assertThat(template.functions())
                .containsExactly(new FunctionSpec(
                        "Fn",
                        "a.B::handleRequest",
                        Map.of("TABLE", Map.of("Ref", "T"), "PLAIN", "text"),
                        List.of(new ApiRoute("/", "GET"), new ApiRoute("/s/{store}/{proxy+}", "ANY")),
                        List.of(new QueueEvent("Q", 10, false), new QueueEvent("R", 1, true))));
    }

    @Test
    void queue_visibilityTimeoutAndRedrive() {
        SamTemplate template = template("""
                Resources:
                  Dead:
                    Type: AWS::SQS::Queue
                  Work:
                    Type: AWS::SQS::Queue
                    Properties:
                      VisibilityTimeout: 360
                      RedrivePolicy:
                        deadLetterTargetArn: !GetAtt Dead.Arn
                        maxReceiveCount: 3
                """);

        assertThat(template.queues())
                .containsExactly(new QueueSpec("Dead", 30, null, 0), new QueueSpec("Work", 360, "Dead", 3));
    }

    @Test
    void function_globalsMerged_functionWins_mapsMerge_listsAppend() {
        SamTemplate template = template("""
                Globals:
                  Function:
                    Handler: global.H::handle
                    Environment:
                      Variables: {SHARED: g, OVERRIDDEN: g, COMPUTED: {Fn::Sub: x}}
                    Layers: [global-layer]
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: local.H::handle
                      Environment:
                        Variables: {OVERRIDDEN: local, COMPUTED: !Ref Y}
                      Layers: [local-layer]
                  Bare:
                    Type: AWS::Serverless::Function
                    Properties: {}
                  Opted:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: [Environment]
                    Properties: {}
                  OptedOut:
                    Type: AWS::Serverless::Function
                    IgnoreGlobals: '*'
                    Properties: {}
                """);

        assertThat(template.functions())
                .extracting(FunctionSpec::logicalId, FunctionSpec::handler, FunctionSpec::environment)
                .containsExactly(
                        tuple(
                                "Fn",
                                "local.H::handle",
                                Map.of("SHARED", "g", "OVERRIDDEN", "local", "COMPUTED", Map.of("Ref", "Y"))),
                        tuple(
                                "Bare",
                                "global.H::handle",
                                Map.of("SHARED", "g", "OVERRIDDEN", "g", "COMPUTED", Map.of("Fn::Sub", "x"))),
                        tuple("Opted", "global.H::handle", Map.of()),
                        tuple("OptedOut", null, Map.of()));
        Map<String, Object> merged =
                SamTemplate.SamGlobals.merge(Map.of("Layers", List.of("g")), Map.of("Layers", List.of("l")), null);
        assertThat(merged.get("Layers")).isEqualTo(List.of("g", "l"));
    }

    @Test
    void load_readsAFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("template.yaml"), "Resources:\n  B: {Type: AWS::S3::Bucket}\n");

        assertThat(SamTemplate.load(file).buckets())
                .extracting(BucketSpec::logicalId)
                .containsExactly("B");
    }

    @Test
    void projectTemplate_table_isPkSkWithTtl() {
        assertThat(project.tables())
                .containsExactly(new TableSpec(
                        "DukanTable",
                        Map.of("pk", "S", "sk", "S", "payInbox", "S", "shipInbox", "S", "payDue", "S", "payDueAt", "N"),
                        "pk",
                        "sk",
                        List.of(
                                new IndexSpec("payInbox", "payInbox", "sk", "ALL"),
                                new IndexSpec("shipInbox", "shipInbox", "sk", "ALL"),
                                new IndexSpec("payDue", "payDue", "payDueAt", "KEYS_ONLY")),
                        "expiresAt",
                        "NEW_AND_OLD_IMAGES"));
    }

    @Test
    void projectTemplate_insightFunction_readsTheTablesStream_filteredToOrdersProductsAndStoreRecords() {
        FunctionSpec insight = project.functions().stream()
                .filter(f -> f.logicalId().equals("InsightFunction"))
                .findFirst()
                .orElseThrow();
        assertThat(insight.handler()).isEqualTo("io.dukan.insight.InsightFunction::handleRequest");
        assertThat(insight.apiRoutes()).isEmpty();
        assertThat(insight.streamEvents()).singleElement().satisfies(event -> {
            assertThat(event.table()).isEqualTo("DukanTable");
            assertThat(event.reportBatchItemFailures()).isTrue();
            assertThat(event.filters())
                    .hasSize(3)
                    .anyMatch(f -> f.contains("\"prefix\": \"ORDER#\""))
                    .anyMatch(f -> f.contains("\"prefix\": \"PRODUCT#\""))
                    .anyMatch(f -> f.contains("\"prefix\": \"PLATFORM#STORE#\""));
        });
    }

    @Test
    void projectTemplate_bucket_allowsBrowserPutAndGet() {
        assertThat(project.buckets()).singleElement().satisfies(bucket -> {
            assertThat(bucket.logicalId()).isEqualTo("MediaBucket");
            assertThat(bucket.cors()).singleElement().satisfies(rule -> {
                assertThat(rule.allowedMethods()).contains("GET", "PUT");
                assertThat(rule.allowedHeaders()).contains("content-type");
                assertThat(rule.maxAgeSeconds()).isPositive();
            });
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void projectTemplate_mediaCdn_readsEveryRenditionAndNothingElse() {
        Map<String, Object> resources = (Map<String, Object>) project.raw().get("Resources");
        Map<String, Object> policy =
                (Map<String, Object>) ((Map<String, Object>) resources.get("MediaBucketPolicy")).get("Properties");
        List<Map<String, Object>> statements =
                (List<Map<String, Object>>) ((Map<String, Object>) policy.get("PolicyDocument")).get("Statement");
        Map<String, Object> cdn = statements.stream()
                .filter(st -> "CdnReadsRenditionsOnly".equals(st.get("Sid")))
                .findFirst()
                .orElseThrow();

        assertThat(cdn.get("Effect")).isEqualTo("Allow");
        assertThat(cdn.get("Action")).isEqualTo("s3:GetObject");
        assertThat(cdn.get("Principal")).isEqualTo(Map.of("Service", "cloudfront.amazonaws.com"));
        assertThat(((List<Object>) cdn.get("Resource")).stream().map(r -> ((Map<String, Object>) r).get("Fn::Sub")))
                .containsExactlyInAnyOrderElementsOf(
                        java.util.Arrays.stream(io.dukan.core.catalog.MediaStore.Rendition.values())
                                .map(r -> "${MediaBucket.Arn}/tenants/*/media/*-" + r.width() + ".jpg")
                                .toList());
        assertThat(cdn.get("Condition").toString()).contains("AWS:SourceArn").contains("distribution/${MediaCdn}");
        assertThat(((Map<String, Object>) resources.get("MediaCdn")).get("Type"))
                .isEqualTo("AWS::CloudFront::Distribution");
    }

    @Test
    void projectTemplate_provisioningFunction_asTheContractsSayIt() {
        assertThat(project.functions())
                .extracting(FunctionSpec::logicalId)
                .containsExactly(
                        "ProvisioningFunction",
                        "FleetWorkerFunction",
                        "InsightFunction",
                        "RouterFunction",
                        "PaymentSweepFunction",
                        "UpgradeNudgeFunction");
        assertThat(project.functions().get(0)).satisfies(function -> {
            assertThat(function.handler()).isEqualTo("io.dukan.provisioning.ProvisioningFunction::handleRequest");
            // the signup function hands over to the queue and knows nothing of the fleet
            assertThat(function.environment())
                    .containsOnlyKeys(
                            "DUKAN_TABLE",
                            "DUKAN_BUCKET",
                            "DUKAN_PROVISIONING_QUEUE_URL",
                            "DUKAN_SIGNUP_SETTLE_WAIT_SECONDS",
                            "DUKAN_EMAIL_FROM",
                            "DUKAN_SIGNUP_APPROVAL",
                            "DUKAN_SIGNUP_OPERATOR_TOKEN",
                            // the first operator of the console, from a Secrets Manager secret (optional)
                            "DUKAN_OPERATOR_BOOTSTRAP_SECRET_ARN",
                            "JAVA_TOOL_OPTIONS");
            assertThat(function.environment())
                    .containsEntry("DUKAN_PROVISIONING_QUEUE_URL", Map.of("Ref", "ProvisioningQueue"));
            assertThat(function.queueEvents()).isEmpty();
        });
        assertThat(project.queues())
                .containsExactly(
                        new QueueSpec("ProvisioningDeadLetterQueue", 30, null, 0),
                        new QueueSpec("ProvisioningQueue", 360, "ProvisioningDeadLetterQueue", 3),
                        // the order aggregator's: stream records it failed on every retry (nothing consumes it)
                        new QueueSpec("InsightDeadLetterQueue", 30, null, 0));
        assertThat(project.functions().get(1)).satisfies(function -> {
            assertThat(function.handler()).isEqualTo("io.dukan.fleet.FleetWorker::handleRequest");
            assertThat(function.apiRoutes()).isEmpty();
            assertThat(function.queueEvents()).containsExactly(new QueueEvent("ProvisioningQueue", 1, true));
            assertThat(function.environment())
                    .containsOnlyKeys(
                            "DUKAN_TABLE",
                            "DUKAN_BUCKET",
                            "DUKAN_FLEET_SHOP_LAYER_ARN",
                            "DUKAN_FLEET_RUNTIME",
                            "DUKAN_FLEET_RUNTIME_LAYER_ARN",
                            "DUKAN_FLEET_LOG_RETENTION_DAYS",
                            "DUKAN_FLEET_SHOP_HANDLER",
                            "DUKAN_FLEET_TABLE_ARN",
                            "DUKAN_FLEET_BUCKET_ARN",
                            "DUKAN_FLEET_PERMISSIONS_BOUNDARY_ARN",
                            "DUKAN_FLEET_NAME_PREFIX",
                            "DUKAN_FLEET_ACCOUNT_ID",
                            "DUKAN_FLEET_MEMORY_MB",
                            "DUKAN_FLEET_EMAIL_MODE",
                            "DUKAN_FLEET_EMAIL_FROM",
                            "DUKAN_FLEET_PUBLIC_URL",
                            "DUKAN_FLEET_MEDIA_URL",
                            "DUKAN_FLEET_SNAP_START",
                            "DUKAN_FLEET_QUEUE_URL",
                            "DUKAN_FLEET_QUEUE_ARN",
                            "DUKAN_EMAIL_FROM",
                            "JAVA_TOOL_OPTIONS");
            assertThat(function.environment())
                    .containsEntry("DUKAN_TABLE", Map.of("Ref", "DukanTable"))
                    .containsEntry("DUKAN_BUCKET", Map.of("Ref", "MediaBucket"))
                    .containsEntry("DUKAN_FLEET_TABLE_ARN", Map.of("Fn::GetAtt", List.of("DukanTable", "Arn")))
                    .containsEntry("DUKAN_FLEET_SHOP_HANDLER", "io.dukan.shop.ShopFunction::handleRequest")
                    .containsEntry("DUKAN_FLEET_EMAIL_FROM", Map.of("Ref", "EmailFrom"))
                    .containsEntry("DUKAN_FLEET_EMAIL_MODE", Map.of("Ref", "EmailMode"))
                    .containsEntry("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1");
        });
        assertThat(project.functions().get(0)).satisfies(function -> {
            assertThat(function.apiRoutes())
                    .containsExactlyInAnyOrder(
                            new ApiRoute("/", "GET"),
                            new ApiRoute("/signup", "GET"),
                            new ApiRoute("/signup", "POST"),
                            new ApiRoute("/api/stores", "POST"),
                            new ApiRoute("/api/stores/{slug}", "GET"),
                            new ApiRoute("/stores/{slug}", "GET"),
                            new ApiRoute("/operator/signups", "GET"),
                            new ApiRoute("/operator/signups/{id}/{decision}", "POST"),
                            new ApiRoute("/stores/{slug}/closing", "GET"),
                            // the console, and under it the offboarding API (/operator/stores/{slug}/offboard)
                            new ApiRoute("/operator", "GET"),
                            new ApiRoute("/operator/{proxy+}", "ANY"));
        });
        assertThat(project.functions().get(3)).satisfies(function -> {
            assertThat(function.handler()).isEqualTo("io.dukan.router.StoreRouter::handleRequest");
            assertThat(function.apiRoutes())
                    .containsExactlyInAnyOrder(
                            new ApiRoute("/s/{store}", "ANY"), new ApiRoute("/s/{store}/{proxy+}", "ANY"));
            assertThat(function.environment())
                    .containsEntry("DUKAN_ROUTER_FALLBACK_FUNCTION", Map.of("Ref", "ProvisioningFunction.Alias"));
        });
    }

    @Test
    void projectTemplate_paymentSweep_runsOnASchedule_withTheTableOnly() {
        FunctionSpec sweep = project.functions().stream()
                .filter(f -> f.logicalId().equals("PaymentSweepFunction"))
                .findFirst()
                .orElseThrow();
        assertThat(sweep.handler()).isEqualTo("io.dukan.fleet.payments.PaymentSweepFunction::handleRequest");
        assertThat(sweep.schedules()).containsExactly("rate(5 minutes)");
        assertThat(sweep.apiRoutes()).isEmpty();
        assertThat(sweep.queueEvents()).isEmpty();
        assertThat(sweep.streamEvents()).isEmpty();
        assertThat(sweep.environment())
                .containsOnlyKeys("DUKAN_TABLE", "DUKAN_PAYMENTS_SWEEP_LIMIT", "JAVA_TOOL_OPTIONS")
                .containsEntry("DUKAN_TABLE", Map.of("Ref", "DukanTable"));
    }
}
