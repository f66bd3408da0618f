package io.dukan.provisioning;

import static io.dukan.aws.testing.ProxyEvents.event;
import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.aws.testing.ProxyEvents.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.tenant.ProvisioningSaga;
import io.dukan.core.tenant.StoreDataRepository;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.core.testing.RecordingFleet;
import io.dukan.core.testing.RecordingQueue;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The signup gate through the real provisioning handler against DynamoDB Local, with the limits' defaults (one
 * instance), a platform rate of 2 (another) and approval mode (a third): scripted signups are throttled, nothing is
 * provisioned before the e-mailed link is followed, a link works once, nothing half-made is left.
 */
class SignupAbuseIT {

    static final String OPERATOR_TOKEN = "operator-token-0123456789abcdef";
    static Emulators emulators;
    static RecordingFleet fleet = new RecordingFleet();
    static ExecutorService worker = Executors.newFixedThreadPool(2);
    static ProvisioningFunction defaults;
    static ProvisioningFunction slowPlatform;
    static ProvisioningFunction approval;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        defaults = function(Map.of());
        // a window of its own length: its own platform counter, not the one the default instance fills
        slowPlatform = function(Map.of(
                "dukan.signup.platform-rate",
                "2",
                "dukan.signup.platform-window",
                "2h",
                "dukan.signup.per-address",
                "100"));
        approval = function(Map.of(
                "dukan.signup.approval",
                "true",
                "dukan.signup.operator-token",
                OPERATOR_TOKEN,
                "dukan.signup.per-address",
                "100"));
    }

    static ProvisioningFunction function(Map<String, String> signup) {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.keySet().removeIf(k -> k.startsWith("dukan.signup."));
        properties.put("dukan.fleet.mode", "local");
        properties.putAll(signup);
        // the fleet worker's stand-in: the saga, run off the request thread as the queue's consumer would
        RecordingQueue queue = new RecordingQueue();
        ProvisioningFunction fn = new ProvisioningFunction(
                ApplicationContext.builder().properties(properties).singletons(queue));
        ApplicationContext context = fn.getApplicationContext();
        ProvisioningSaga saga = new ProvisioningSaga(
                context.getBean(StoreRegistry.class),
                context.getBean(StoreDataRepository.class),
                fleet,
                Clock.systemUTC());
        queue.worker = store -> worker.submit(() -> saga.run(store));
        return fn;
    }

    @AfterAll
    static void stop() throws Exception {
        worker.shutdownNow();
        defaults.close();
        slowPlatform.close();
        approval.close();
        emulators.close();
    }

    static APIGatewayProxyResponseEvent call(ProvisioningFunction fn, APIGatewayProxyRequestEvent event, String from) {
        event.getRequestContext().getIdentity().setSourceIp(from);
        return fn.handleRequest(event, null);
    }

    static String signupJson(String slug, String email) {
        return "{\"storeName\":\"Shop " + slug + "\",\"slug\":\"" + slug + "\",\"ownerEmail\":\"" + email + "\","
                + "\"password\":\"a long enough secret\",\"currency\":\"PKR\",\"country\":\"PK\",\"language\":\"ur\"}";
    }

    static List<Map<String, AttributeValue>> items(String pkPrefix) {
        return emulators.dynamo().scan(r -> r.tableName(Emulators.TABLE)).items().stream()
                .filter(i -> i.get("pk").s().startsWith(pkPrefix))
                .toList();
    }

    /** The verification links mailed to an address (the platform's outbox partition), oldest first. */
    static List<String> linksMailedTo(String email) {
        List<Map<String, AttributeValue>> mail = emulators
                .dynamo()
                .query(r -> r.tableName(Emulators.TABLE)
                        .keyConditionExpression("pk = :pk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("platform#OUTBOX"))))
                .items();
        List<String> links = new ArrayList<>();
        for (Map<String, AttributeValue> m : mail) {
            if (m.get("to").s().equals(email)) {
                Matcher link = Pattern.compile("https?://\\S+/signup\\?verify=([a-z2-7]+)")
                        .matcher(m.get("text").s());
                assertThat(link.find()).as(m.get("text").s()).isTrue();
                links.add(link.group(1));
            }
        }
        return links;
    }

    static long stores(String slugPrefix) {
        return items("PLATFORM#SLUG#" + slugPrefix).size();
    }

    @Test
    void aThousandScriptedSignupsFromOneAddress_fiveGetALink_theRestA429_andNothingIsProvisionedBeforeTheLink()
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<APIGatewayProxyResponseEvent>> script = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String slug = "script-" + i;
            String email = "bot" + i + "@example.com";
            script.add(() -> call(defaults, json("POST", "/api/stores", signupJson(slug, email)), "198.51.100.7"));
        }
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<APIGatewayProxyResponseEvent> refusals = new ArrayList<>();
        for (Future<APIGatewayProxyResponseEvent> f : pool.invokeAll(script)) {
            statuses.merge(f.get().getStatusCode(), 1, Integer::sum);
            if (f.get().getStatusCode() == 429) {
                refusals.add(f.get());
            }
        }
        pool.shutdown();

        assertThat(statuses).containsExactlyEntriesOf(new TreeMap<>(Map.of(202, 5, 429, 995)));
        assertThat(refusals).allSatisfy(r -> {
            assertThat(header(r, "Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(Long.parseLong(header(r, "Retry-After").orElseThrow())).isBetween(1L, 3600L);
        });
        assertThat(stores("script-"))
                .as("slug claims: nothing is provisioned before a link is followed")
                .isZero();
        assertThat(items("PLATFORM#STORE#")).noneMatch(i -> i.get("slug").s().startsWith("script-"));
        assertThat(items("PLATFORM#VERIFY#"))
                .filteredOn(i -> i.get("slug").s().startsWith("script-"))
                .hasSize(5);
        assertThat(fleet.calls).noneMatch(c -> c.contains("script-"));

        // the five that got through open their stores by following their links: exactly five stores, all whole
        int opened = 0;
        for (int i = 0; i < 1000; i++) {
            for (String token : linksMailedTo("bot" + i + "@example.com")) {
                assertThat(call(defaults, form("/signup", "verify=" + token), "192.0.2.1")
                                .getStatusCode())
                        .isEqualTo(303);
                opened++;
            }
        }
        assertThat(opened).isEqualTo(5);
        assertThat(stores("script-")).isEqualTo(5);
        assertThat(items("PLATFORM#STORE#"))
                .filteredOn(i -> i.get("slug").s().startsWith("script-"))
                .hasSize(5)
                .allMatch(i -> i.get("status").s().equals("ACTIVE"));
        assertThat(items("PLATFORM#VERIFY#")).noneMatch(i -> i.get("slug").s().startsWith("script-"));
    }

    @Test
    void oneEmail_getsThreeLinksADay_fromAnyAddress() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(call(
                            defaults,
                            json("POST", "/api/stores", signupJson("same-mail-" + i, "same@example.com")),
                            "203.0.113." + i)
                    .getStatusCode());
        }
        assertThat(statuses).containsExactly(202, 202, 202, 429, 429, 429);
    }

    @Test
    void aLinkWorksOnce_aReusedOrMadeUpLinkGetsAClearPage_inTheReadersLanguage() {
        APIGatewayProxyResponseEvent sent = call(
                defaults,
                form(
                        "/signup",
                        "storeName=Once&slug=link-once"
                                + "&ownerEmail=once%40example.com&password=a+long+enough+secret&currency=PKR&country=PK&language=ur"),
                "203.0.113.50");
        assertThat(sent.getStatusCode()).isEqualTo(200);
        assertThat(sent.getBody())
                .contains("Check your e-mail")
                .contains("once@example.com")
                .contains("<meta name=\"description\"")
                .contains("rel=\"icon\"");
        assertThat(stores("link-once")).isZero();
        String token = linksMailedTo("once@example.com").get(0);

        APIGatewayProxyResponseEvent confirm = call(defaults, get("/signup?verify=" + token), "203.0.113.51");
        assertThat(confirm.getStatusCode()).isEqualTo(200);
        assertThat(confirm.getBody()).contains("Open my store").contains("/s/link-once/");
        assertThat(stores("link-once")).as("looking at the link opens nothing").isZero();

        APIGatewayProxyResponseEvent opened = call(defaults, form("/signup", "verify=" + token), "203.0.113.51");
        assertThat(opened.getStatusCode()).isEqualTo(303);
        assertThat(header(opened, "Location")).hasValue("/stores/link-once");
        assertThat(call(defaults, get("/stores/link-once"), "203.0.113.51").getBody())
                .contains("data-status=\"ACTIVE\"");

        APIGatewayProxyRequestEvent again = form("/signup", "verify=" + token);
        withHeader(again, "Accept-Language", "ur-PK,ur;q=0.9,en;q=0.5");
        APIGatewayProxyResponseEvent reused = call(defaults, again, "203.0.113.51");
        assertThat(reused.getStatusCode()).isEqualTo(410);
        assertThat(reused.getBody())
                .contains("dir=\"rtl\"")
                .contains("lang=\"ur\"")
                .contains("یہ لنک کام نہیں کرتا");
        for (String bad : List.of(token, "madeupmadeupmadeupmadeupma", "x")) {
            APIGatewayProxyResponseEvent page =
                    call(defaults, get("/signup?verify=" + bad + "&lang=fr"), "203.0.113.52");
            assertThat(page.getStatusCode()).as(bad).isEqualTo(410);
            assertThat(page.getBody()).contains("Ce lien ne fonctionne pas").contains("lang=\"fr\"");
        }
        assertThat(stores("link-once")).isEqualTo(1);
    }

    @Test
    void overThePlatformRate_followingALinkIsA429_andTheLinkStillWorksLater() {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertThat(call(
                                    slowPlatform,
                                    json("POST", "/api/stores", signupJson("rate-" + i, "rate" + i + "@example.com")),
                                    "203.0.113.60")
                            .getStatusCode())
                    .isEqualTo(202);
            tokens.add(linksMailedTo("rate" + i + "@example.com").get(0));
        }
        assertThat(call(slowPlatform, form("/signup", "verify=" + tokens.get(0)), "203.0.113.60")
                        .getStatusCode())
                .isEqualTo(303);
        assertThat(call(slowPlatform, form("/signup", "verify=" + tokens.get(1)), "203.0.113.60")
                        .getStatusCode())
                .isEqualTo(303);
        APIGatewayProxyResponseEvent capped =
                call(slowPlatform, form("/signup", "verify=" + tokens.get(2)), "203.0.113.60");
        assertThat(capped.getStatusCode()).isEqualTo(429);
        assertThat(header(capped, "Retry-After")).isPresent();
        assertThat(capped.getBody()).contains("it still works");
        assertThat(stores("rate-")).isEqualTo(2);
        assertThat(call(slowPlatform, get("/signup?verify=" + tokens.get(2)), "203.0.113.60")
                        .getStatusCode())
                .as("the capped link was put back")
                .isEqualTo(200);
    }

    @Test
    void inApprovalMode_aVerifiedSignupWaitsForAnOperator_whoApprovesItWithTheToken() {
        assertThat(call(
                                approval,
                                json("POST", "/api/stores", signupJson("approve-me", "approve@example.com")),
                                "203.0.113.70")
                        .getStatusCode())
                .isEqualTo(202);
        assertThat(call(
                                approval,
                                json("POST", "/api/stores", signupJson("reject-me", "reject@example.com")),
                                "203.0.113.70")
                        .getStatusCode())
                .isEqualTo(202);
        APIGatewayProxyResponseEvent waiting = call(
                approval,
                form("/signup", "verify=" + linksMailedTo("approve@example.com").get(0)),
                "203.0.113.70");
        assertThat(waiting.getStatusCode()).isEqualTo(202);
        assertThat(waiting.getBody()).contains("Waiting for approval");
        call(
                approval,
                form("/signup", "verify=" + linksMailedTo("reject@example.com").get(0)),
                "203.0.113.70");
        assertThat(stores("approve-me")).isZero();

        assertThat(call(approval, json("GET", "/operator/signups", null), "203.0.113.70")
                        .getStatusCode())
                .isEqualTo(401);
        APIGatewayProxyRequestEvent wrong = json("GET", "/operator/signups", null);
        withHeader(wrong, "Authorization", "Bearer " + OPERATOR_TOKEN + "x");
        assertThat(call(approval, wrong, "203.0.113.70").getStatusCode()).isEqualTo(401);
        String list = call(approval, operator("GET", "/operator/signups"), "203.0.113.70")
                .getBody();
        assertThat(list)
                .contains("approve-me")
                .contains("reject-me")
                .doesNotContain("passwordHash")
                .doesNotContain("$2a$");
        String approveId = id(list, "approve-me");
        String rejectId = id(list, "reject-me");

        APIGatewayProxyResponseEvent approved =
                call(approval, operator("POST", "/operator/signups/" + approveId + "/approve"), "203.0.113.70");
        assertThat(approved.getStatusCode()).as(approved.getBody()).isEqualTo(201);
        assertThat(approved.getBody()).contains("\"status\":\"ACTIVE\"");
        assertThat(call(approval, operator("POST", "/operator/signups/" + rejectId + "/reject"), "203.0.113.70")
                        .getStatusCode())
                .isEqualTo(200);
        assertThat(call(approval, operator("POST", "/operator/signups/" + approveId + "/approve"), "203.0.113.70")
                        .getStatusCode())
                .as("approved once")
                .isEqualTo(404);
        assertThat(stores("approve-me")).isEqualTo(1);
        assertThat(stores("reject-me")).isZero();
        assertThat(call(defaults, operator("GET", "/operator/signups"), "203.0.113.70")
                        .getStatusCode())
                .as("without a configured token there is no operator endpoint")
                .isEqualTo(404);
    }

    static APIGatewayProxyRequestEvent operator(String method, String path) {
        APIGatewayProxyRequestEvent e = event(
                method, path, null, Map.of("Accept", "application/json", "Authorization", "Bearer " + OPERATOR_TOKEN));
        return e;
    }

    static void withHeader(APIGatewayProxyRequestEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put(name, value);
        Map<String, List<String>> multi = new HashMap<>(event.getMultiValueHeaders());
        multi.put(name, List.of(value));
        event.setHeaders(headers);
        event.setMultiValueHeaders(multi);
    }

    static String id(String list, String slug) {
        Matcher m = Pattern.compile("\"id\":\"([a-z2-7]+)\",\"slug\":\"" + slug + "\"")
                .matcher(list);
        assertThat(m.find()).as(list).isTrue();
        return m.group(1);
    }
}
