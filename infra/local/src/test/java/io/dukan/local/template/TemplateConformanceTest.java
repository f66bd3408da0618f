package io.dukan.local.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against what deploys it and what it deploys: the official SAM schema (src/test/resources/sam,
 * SOURCE.md says where it comes from), the handler classes, the build outputs its code URIs name, the table and
 * bucket settings the design depends on, and the agreement between the API's DefinitionBody and the function's
 * Api events. Each check also runs on a small broken template, to show it can fail.
 */
class TemplateConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final String INTEGRATION = "x-amazon-apigateway-integration";

    private static JsonSchema samSchema;
    private static Path root;
    private static SamTemplate project;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream schema = TemplateConformanceTest.class.getResourceAsStream("/sam/sam.schema.json")) {
            assertThat(schema).as("sam/sam.schema.json on the test classpath").isNotNull();
            // The SAM schema annotates with two keywords of its own; they carry no constraint.
            JsonMetaSchema draft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                    .keyword(new NonValidationKeyword("markdownDescription"))
                    .keyword(new NonValidationKeyword("__samPassThrough"))
                    .build();
            samSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, factory -> factory.metaSchema(draft4))
                    .getSchema(schema);
        }
        root = ProjectFiles.root();
        project = SamTemplate.load(root.resolve("template.yaml"));
    }

    // --- SAM schema --------------------------------------------------------------------------------------------

    @Test
    void projectTemplate_passesTheSamSchema() {
        assertThat(schemaProblems(project)).as("SAM schema validation messages").isEmpty();
    }

    @Test
    void misspelledProperty_failsTheSamSchema() {
        SamTemplate broken = SamTemplate.parse("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handlr: io.dukan.shop.ShopFunction::handleRequest
                      Runtime: java21
                      CodeUri: functions/shop/target/dukan-shop-lambda.jar
                """, "broken.yaml");

        assertThat(schemaProblems(broken))
                .anySatisfy(message -> assertThat(message).contains("Handlr"));
    }

    @Test
    void intrinsicWhereTheSchemaWantsAList_failsTheSamSchema() {
        SamTemplate broken = SamTemplate.parse("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: io.dukan.shop.ShopFunction::handleRequest
                      Runtime: java21
                      CodeUri: functions/shop/target/dukan-shop-lambda.jar
                      Events:
                        Home:
                          Type: Api
                          Properties: {Path: /, Method: get, RestApiId: !Ref Api, Unknown: 1}
                """, "broken.yaml");

        assertThat(schemaProblems(broken)).isNotEmpty();
    }

    private static List<String> schemaProblems(SamTemplate template) {
        JsonNode document = JSON.valueToTree(template.raw());
        Set<ValidationMessage> messages = samSchema.validate(document);
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    // --- handlers ----------------------------------------------------------------------------------------------

    @Test
    void projectTemplate_handlersAreLoadableClassesWithThatMethod() {
        List<String> handlers = new ArrayList<>();
        project.functions().forEach(function -> handlers.add(function.handler()));
        // the handler the provisioning function gives every store's function
        project.functions()
                .forEach(function -> function.environment().forEach((name, value) -> {
                    if (name.endsWith("_HANDLER")) {
                        handlers.add(String.valueOf(value));
                    }
                }));

        assertThat(handlers)
                .contains(
                        "io.dukan.provisioning.ProvisioningFunction::handleRequest",
                        "io.dukan.shop.ShopFunction::handleRequest");
        assertThat(handlers.stream().flatMap(h -> handlerProblems(h).stream()).toList())
                .isEmpty();
    }

    @Test
    void missingHandlerClassOrMethod_isCaught() {
        SamTemplate broken = SamTemplate.parse("""
                Resources:
                  Gone:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: io.dukan.shop.NoSuchFunction::handleRequest}
                  Misnamed:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: io.dukan.shop.ShopFunction::handle_request}
                  Bare:
                    Type: AWS::Serverless::Function
                    Properties: {Handler: io.dukan.shop.ShopFunction}
                """, "broken.yaml");

        assertThat(broken.functions().stream()
                        .flatMap(f -> handlerProblems(f.handler()).stream())
                        .toList())
                .containsExactly(
                        "io.dukan.shop.NoSuchFunction::handleRequest: no class io.dukan.shop.NoSuchFunction",
                        "io.dukan.shop.ShopFunction::handle_request: io.dukan.shop.ShopFunction has no public"
                                + " method handle_request",
                        "io.dukan.shop.ShopFunction: not class::method");
    }

    private static List<String> handlerProblems(String handler) {
        if (handler == null || !handler.contains("::")) {
            return List.of(handler + ": not class::method");
        }
        String className = handler.substring(0, handler.indexOf("::"));
        String methodName = handler.substring(handler.indexOf("::") + 2);
        Class<?> type;
        try {
            type = Class.forName(className, false, TemplateConformanceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return List.of(handler + ": no class " + className);
        }
        if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
            return List.of(handler + ": " + className + " is not a public concrete class");
        }
        boolean hasMethod =
                Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(methodName::equals);
        boolean hasNoArgConstructor = Arrays.stream(type.getConstructors()).anyMatch(c -> c.getParameterCount() == 0);
        List<String> problems = new ArrayList<>();
        if (!hasMethod) {
            problems.add(handler + ": " + className + " has no public method " + methodName);
        }
        if (!hasNoArgConstructor) {
            problems.add(handler + ": " + className + " has no public no-arg constructor (Lambda needs one)");
        }
        return problems;
    }

    // --- code URIs ---------------------------------------------------------------------------------------------

    @Test
    void projectTemplate_codeUrisAreBuildOutputsOfItsModules() {
        assertThat(codeUris(project.raw()))
                .containsExactlyInAnyOrder(
                        "functions/provisioning/target/dukan-provisioning-lambda.jar",
                        "functions/fleet/target/dukan-fleet-lambda.jar",
                        // the payment sweep: its own function and role, shipped in the fleet worker's jar
                        "functions/fleet/target/dukan-fleet-lambda.jar",
                        // the upgrade nudge: likewise
                        "functions/fleet/target/dukan-fleet-lambda.jar",
                        "functions/insight/target/dukan-insight-lambda.jar",
                        "functions/router/target/dukan-router-lambda.jar",
                        "functions/shop/target/dukan-shop-layer.zip",
                        "infra/runtime/target/dukan-store-runtime.zip");
        assertThat(codeUris(project.raw()).stream()
                        .flatMap(uri -> codeUriProblems(uri).stream())
                        .toList())
                .isEmpty();
    }

    @Test
    void codeUriOutsideAModuleOrNotBuiltByIt_isCaught() {
        assertThat(codeUriProblems("functions/gone/target/gone.jar"))
                .singleElement()
                .asString()
                .contains("functions/gone is not a module");
        assertThat(codeUriProblems("functions/shop/target/renamed-lambda.jar"))
                .singleElement()
                .asString()
                .contains("functions/shop/pom.xml never names renamed-lambda");
        assertThat(codeUriProblems("functions/shop/dukan-shop-lambda.jar"))
                .singleElement()
                .asString()
                .contains("not a build output");
    }

    /** CodeUri of every function (Globals' when it has none) and ContentUri of every layer. */
    private static List<String> codeUris(Map<String, Object> raw) {
        Map<String, Object> globals =
                Values.map(Values.map(raw.get("Globals"), "Globals").get("Function"), "G");
        List<String> uris = new ArrayList<>();
        Values.map(raw.get("Resources"), "Resources").forEach((id, value) -> {
            Map<String, Object> resource = Values.map(value, id);
            Map<String, Object> properties = Values.map(resource.get("Properties"), id);
            switch (String.valueOf(resource.get("Type"))) {
                case "AWS::Serverless::Function" ->
                    uris.add(String.valueOf(properties.getOrDefault("CodeUri", globals.get("CodeUri"))));
                case "AWS::Serverless::LayerVersion" -> uris.add(String.valueOf(properties.get("ContentUri")));
                default -> {
                    // no code
                }
            }
        });
        return uris;
    }

    /** "{module}/target/{file}": the module is one of the build's, and its pom names the file it builds. */
    private static List<String> codeUriProblems(String uri) {
        int target = uri.indexOf("/target/");
        if (target < 0) {
            return List.of(uri + ": not a build output ({module}/target/{file})");
        }
        String module = uri.substring(0, target);
        String file = uri.substring(target + "/target/".length());
        String stem = file.replaceFirst("\\.(jar|zip)$", "");
        try {
            String parentPom = Files.readString(root.resolve("pom.xml"));
            Path modulePom = root.resolve(module).resolve("pom.xml");
            if (!parentPom.contains("<module>" + module + "</module>") || !Files.isRegularFile(modulePom)) {
                return List.of(uri + ": " + module + " is not a module of " + root.resolve("pom.xml"));
            }
            if (!Files.readString(modulePom).contains(stem)) {
                return List.of(
                        uri + ": " + module + "/pom.xml never names " + stem + ", so the build makes no " + file);
            }
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- table and bucket --------------------------------------------------------------------------------------

    @Test
    void table_isPkSk_onDemand_withPointInTimeRecovery() {
        assertThat(project.tables()).singleElement().satisfies(table -> {
            assertThat(table.hashKey()).isEqualTo("pk");
            assertThat(table.rangeKey()).isEqualTo("sk");
            assertThat(table.attributeTypes()).containsEntry("pk", "S").containsEntry("sk", "S");
            // the order inbox's tabs, keyed by the tenant-led attribute and the table's sk; and the payment sweep's
            // due index, keyed "PLATFORM#PAYDUE#S{n}" by time, keys only (the sweep reads the attempt itself)
            assertThat(table.globalIndexes())
                    .containsExactly(
                            new IndexSpec("payInbox", "payInbox", "sk", "ALL"),
                            new IndexSpec("shipInbox", "shipInbox", "sk", "ALL"),
                            new IndexSpec("payDue", "payDue", "payDueAt", "KEYS_ONLY"));
            assertThat(table.attributeTypes())
                    .containsEntry("payInbox", "S")
                    .containsEntry("shipInbox", "S")
                    .containsEntry("payDue", "S")
                    .containsEntry("payDueAt", "N");
            assertThat(table.ttlAttribute()).isEqualTo("expiresAt");
            Map<String, Object> properties = properties(table.logicalId());
            assertThat(properties)
                    .containsEntry("BillingMode", "PAY_PER_REQUEST")
                    .containsEntry("DeletionProtectionEnabled", true);
            assertThat(properties.get("PointInTimeRecoverySpecification"))
                    .isEqualTo(Map.of("PointInTimeRecoveryEnabled", true));
            assertThat(properties.get("SSESpecification")).isEqualTo(Map.of("SSEEnabled", true));
        });
    }

    @Test
    void bucket_blocksPublicAccess_encrypts_andOwnsItsObjects() {
        assertThat(project.buckets()).singleElement().satisfies(bucket -> {
            Map<String, Object> properties = properties(bucket.logicalId());
            assertThat(properties.get("PublicAccessBlockConfiguration"))
                    .isEqualTo(Map.of(
                            "BlockPublicAcls",
                            true,
                            "BlockPublicPolicy",
                            true,
                            "IgnorePublicAcls",
                            true,
                            "RestrictPublicBuckets",
                            true));
            assertThat(JSON.valueToTree(properties.get("BucketEncryption"))
                            .findValue("SSEAlgorithm")
                            .asText())
                    .isEqualTo("AES256");
            assertThat(JSON.valueToTree(properties.get("OwnershipControls"))
                            .findValue("ObjectOwnership")
                            .asText())
                    .isEqualTo("BucketOwnerEnforced");
            assertThat(JSON.valueToTree(properties.get("LifecycleConfiguration"))
                            .findValue("AbortIncompleteMultipartUpload"))
                    .isNotNull();
        });
    }

    private static Map<String, Object> properties(String logicalId) {
        Map<String, Object> resources = Values.map(project.raw().get("Resources"), "Resources");
        return Values.map(Values.map(resources.get(logicalId), logicalId).get("Properties"), logicalId);
    }

    // --- privileges -------------------------------------------------------------------------------------------

    @Test
    void signupFunction_hasNoIamLambdaOrApiGatewayRight_noScan_andOnlyPlatformItems() {
        String policies = Values.json(properties("ProvisioningFunction").get("Policies"));
        assertThat(policies)
                .doesNotContain("iam:", "lambda:", "apigateway:", "DynamoDBCrudPolicy", "Scan", "sqs:*")
                .contains("sqs:SendMessage", "PLATFORM#*");
    }

    @Test
    void fleetWorker_holdsTheStoreRights_fencedByPathLayerAndBoundary_andNoApiGatewayRight() {
        String policies = Values.json(properties("FleetWorkerFunction").get("Policies"));
        assertThat(policies)
                .doesNotContain("apigateway:", "lambda:AddPermission")
                .contains(
                        "role/${StoreNamePrefix}/${StoreNamePrefix}-*",
                        "lambda:Layer",
                        "iam:DeleteRolePermissionsBoundary",
                        "iam:PutRolePermissionsBoundary",
                        "iam:CreatePolicyVersion",
                        "iam:PermissionsBoundary");
        assertThat(Values.json(properties("FleetWorkerFunction").get("Events"))).contains("ReportBatchItemFailures");
        // a Scan only for offboarding (the only complete way to find every item of a closed store), in one statement
        assertThat(policies.split("dynamodb:Scan", -1)).hasSize(2);
        assertThat(policies).contains("OffboardingReadsAndDeletesStoreItems");
    }

    @Test
    void everyFunction_logsToAGroupWithRetention() {
        Map<String, Object> resources = Values.map(project.raw().get("Resources"), "Resources");
        for (FunctionSpec function : project.functions()) {
            Object config = properties(function.logicalId()).get("LoggingConfig");
            assertThat(config).as(function.logicalId()).isNotNull();
            String group = String.valueOf(
                    ((Map<?, ?>) Values.map(config, "LoggingConfig").get("LogGroup")).get("Ref"));
            Map<String, Object> logGroup = Values.map(resources.get(group), group);
            assertThat(logGroup.get("Type")).isEqualTo("AWS::Logs::LogGroup");
            assertThat(Values.map(logGroup.get("Properties"), group)).containsKey("RetentionInDays");
        }
    }

    // --- API body and events -----------------------------------------------------------------------------------

    @Test
    void apiBodyAndEvents_listTheSameRoutes_allIntegratedWithTheFunction() {
        assertThat(routeProblems(project.raw())).isEmpty();
    }

    @Test
    void routeInOnlyOneOfBodyAndEvents_orPointingElsewhere_isCaught() {
        SamTemplate broken = SamTemplate.parse("""
                Resources:
                  Api:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      DefinitionBody:
                        paths:
                          /signup:
                            post:
                              x-amazon-apigateway-integration:
                                type: aws_proxy
                                httpMethod: POST
                                uri: arn:aws:lambda:eu-west-1:123456789012:function:other/invocations
                          /orphan:
                            get:
                              x-amazon-apigateway-integration: {type: aws_proxy, httpMethod: POST, uri: x}
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: !Sub ${AWS::StackName}-fn
                      Events:
                        Signup: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /signup, Method: post}}
                        Missing: {Type: Api, Properties: {RestApiId: !Ref Api, Path: /missing, Method: any}}
                """, "broken.yaml");

        assertThat(routeProblems(broken.raw()))
                .containsExactlyInAnyOrder(
                        "Fn POST /signup: the body's integration does not invoke function:${AWS::StackName}-fn",
                        "Fn ANY /missing: not in Api's DefinitionBody",
                        "Api GET /orphan: no Api event, so SAM grants API Gateway no permission to invoke it");
    }

    /**
     * Every Api event of a function whose API has a DefinitionBody must be in that body, as an aws_proxy
     * integration invoking the function by its fixed name; every operation of the body must be some function's
     * event (the event is what makes SAM add the Lambda permission, and what the local cloud routes by).
     */
    private static List<String> routeProblems(Map<String, Object> raw) {
        Map<String, Object> resources = Values.map(raw.get("Resources"), "Resources");
        List<String> problems = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        resources.forEach((id, value) -> {
            Map<String, Object> resource = Values.map(value, id);
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = Values.map(resource.get("Properties"), id);
            // with AutoPublishAlias (SnapStart), SAM grants the permission on the alias: the body must invoke it
            Object alias = properties.get("AutoPublishAlias");
            String invokes = "function:" + functionName(properties.get("FunctionName"))
                    + (alias == null ? "" : ":" + alias) + "/invocations";
            Values.map(properties.get("Events"), id).forEach((name, event) -> {
                Map<String, Object> e = Values.map(event, name);
                if (!"Api".equals(e.get("Type"))) {
                    return;
                }
                Map<String, Object> api = Values.map(e.get("Properties"), name);
                String apiId = api.get("RestApiId") instanceof Map<?, ?> ref
                        ? String.valueOf(ref.get("Ref"))
                        : String.valueOf(api.get("RestApiId"));
                String path = String.valueOf(api.get("Path"));
                String method = String.valueOf(api.get("Method")).toUpperCase(Locale.ROOT);
                Map<String, Object> body = body(resources, apiId);
                if (body == null) {
                    return; // SAM generates the body from the events
                }
                covered.add(apiId + " " + method + " " + path);
                Object operation = Values.map(
                                Values.map(body.get("paths"), "paths").get(path), path)
                        .get(method.equals("ANY") ? ANY_METHOD : method.toLowerCase(Locale.ROOT));
                if (operation == null) {
                    problems.add(id + " " + method + " " + path + ": not in " + apiId + "'s DefinitionBody");
                    return;
                }
                Map<String, Object> integration =
                        Values.map(Values.map(operation, path).get(INTEGRATION), path);
                String uri = Values.json(integration.get("uri"));
                if (!"aws_proxy".equals(integration.get("type"))
                        || !"POST".equals(integration.get("httpMethod"))
                        || !uri.contains(invokes)) {
                    problems.add(id + " " + method + " " + path + ": the body's integration does not invoke "
                            + invokes.replace("/invocations", ""));
                }
            });
        });
        resources.forEach((apiId, value) -> {
            Map<String, Object> body = body(resources, apiId);
            if (body == null || hasExplicitPermission(resources, apiId)) {
                return;
            }
            Values.map(body.get("paths"), "paths")
                    .forEach((path, operations) -> Values.map(operations, path)
                            .keySet()
                            .forEach(operation -> {
                                String method =
                                        operation.equals(ANY_METHOD) ? "ANY" : operation.toUpperCase(Locale.ROOT);
                                if (!covered.contains(apiId + " " + method + " " + path)) {
                                    problems.add(apiId + " " + method + " " + path
                                            + ": no Api event, so SAM grants API Gateway no permission to invoke it");
                                }
                            }));
        });
        return problems;
    }

    /**
     * An API without Api events (conditional ones cannot have them: StoreHostApi) grants API Gateway the
     * permission with an AWS::Lambda::Permission of its own, whose SourceArn names the API.
     */
    private static boolean hasExplicitPermission(Map<String, Object> resources, String apiId) {
        return resources.values().stream()
                .map(v -> Values.map(v, apiId))
                .filter(r -> "AWS::Lambda::Permission".equals(r.get("Type")))
                .map(r -> Values.json(Values.map(r.get("Properties"), apiId).get("SourceArn")))
                .anyMatch(arn -> arn.contains("${" + apiId + "}"));
    }

    private static Map<String, Object> body(Map<String, Object> resources, String apiId) {
        Map<String, Object> api = Values.map(resources.get(apiId), apiId);
        if (!"AWS::Serverless::Api".equals(api.get("Type"))) {
            return null;
        }
        Object body = Values.map(api.get("Properties"), apiId).get("DefinitionBody");
        return body == null ? null : Values.map(body, apiId + ".DefinitionBody");
    }

    /** A literal FunctionName, or the text of a !Sub one; "(none)" when the name is CloudFormation's choice. */
    private static String functionName(Object value) {
        if (value instanceof String name) {
            return name;
        }
        if (value instanceof Map<?, ?> map && map.get("Fn::Sub") instanceof String template) {
            return template;
        }
        return "(none)";
    }

    @Test
    void schemaCopy_isTheSharedOne_whenSharedIsBesideTheProject() throws IOException {
        Path shared = root.resolveSibling("shared").resolve("schemas").resolve("sam.schema.json");
        if (!Files.isRegularFile(shared)) {
            return; // a fresh clone has no ../shared; the copy and SOURCE.md stand on their own
        }
        try (InputStream copy = TemplateConformanceTest.class.getResourceAsStream("/sam/sam.schema.json")) {
            assertThat(copy).isNotNull();
            assertThat(copy.readAllBytes())
                    .as("src/test/resources/sam/sam.schema.json = " + shared)
                    .isEqualTo(Files.readAllBytes(shared));
        }
    }

    @Test
    void schemaSourceNote_isBesideTheCopy() throws IOException {
        try (InputStream note = TemplateConformanceTest.class.getResourceAsStream("/sam/SOURCE.md")) {
            assertThat(note).isNotNull();
            assertThat(new String(note.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("serverless-application-model")
                    .contains("Apache License 2.0");
        }
    }
}
