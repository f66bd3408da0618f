package io.dukan.provisioning;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The signup function through its real handler, against DynamoDB Local. Its queue hands each store to a stand-in
 * worker on another thread, running the real saga (the DynamoDB registry and store data) with a recording fleet.
 */
class ProvisioningFunctionIT {

    static Emulators emulators;
    static RecordingFleet fleet = new RecordingFleet();
    static RecordingQueue queue = new RecordingQueue();
    static ExecutorService worker = Executors.newSingleThreadExecutor();
    static ProvisioningFunction function;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.fleet.mode", "local");
        function = new ProvisioningFunction(
                ApplicationContext.builder().properties(properties).singletons(queue));
        ApplicationContext context = function.getApplicationContext();
        ProvisioningSaga saga = new ProvisioningSaga(
                context.getBean(StoreRegistry.class),
                context.getBean(StoreDataRepository.class),
                fleet,
                Clock.systemUTC());
        queue.worker = store -> worker.submit(() -> saga.run(store));
    }

    @AfterAll
    static void stop() throws Exception {
        worker.shutdownNow();
        function.close();
        emulators.close();
    }

    @BeforeEach
    void resetFleet() {
        fleet.failOn = null;
    }

    static APIGatewayProxyResponseEvent call(APIGatewayProxyRequestEvent event) {
        return function.handleRequest(event, null);
    }

    static String signupJson(String slug, String key) {
        return "{\"storeName\":\"Kashgar Dried Fruit\",\"slug\":\"" + slug + "\",\"ownerEmail\":\"Owner@Example.com\","
                + "\"password\":\"a long enough secret\",\"currency\":\"CNY\",\"country\":\"CN\",\"language\":\"zh\""
                + (key == null ? "" : ",\"idempotencyKey\":\"" + key + "\"") + "}";
    }

    @Test
    void jsonSignup_createsAnActiveStore_withItsFunctionAndRoute() {
        APIGatewayProxyResponseEvent response = call(json("POST", "/api/stores", signupJson("kashgar-fruit", null)));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getBody())
                .contains("\"status\":\"ACTIVE\"")
                .contains("\"storeUrl\":\"/s/kashgar-fruit/\"")
                .doesNotContain("secret")
                .doesNotContain("password");
        assertThat(fleet.calls).contains("createFunction kashgar-fruit", "createRoute kashgar-fruit");
        APIGatewayProxyResponseEvent status = call(json("GET", "/api/stores/kashgar-fruit", null));
        assertThat(status.getBody()).contains("\"status\":\"ACTIVE\"").contains("\"currency\":\"CNY\"");
    }

    @Test
    void passwords_areStoredOnlyAsBcryptHashes() {
        call(json("POST", "/api/stores", signupJson("hash-check", null)));
        List<Map<String, AttributeValue>> items =
                emulators.dynamo().scan(r -> r.tableName(Emulators.TABLE)).items();
        assertThat(items.toString()).doesNotContain("a long enough secret");
        assertThat(items.stream()
                        .filter(i -> i.containsKey("passwordHash"))
                        .map(i -> i.get("passwordHash").s()))
                .isNotEmpty()
                .allMatch(h -> h.startsWith("$2a$10$"));
    }

    @Test
    void twoSignupsRacingForOneSlug_exactlyOneWins_theOthersGetAClearConflict() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<APIGatewayProxyResponseEvent>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> call(json("POST", "/api/stores", signupJson("contested", null))));
        }
        List<Integer> statuses = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (Future<APIGatewayProxyResponseEvent> f : pool.invokeAll(racers)) {
            statuses.add(f.get().getStatusCode());
            bodies.add(f.get().getBody());
        }
        pool.shutdown();

        assertThat(statuses).as(bodies.toString()).containsOnly(201, 409);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(bodies.stream().filter(b -> b.contains("already taken")).count())
                .isEqualTo(7);
        assertThat(fleet.calls.stream()
                        .filter(c -> c.equals("createFunction contested"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void retryingASignupWithTheSameIdempotencyKey_returnsTheSameStore() {
        APIGatewayProxyResponseEvent first =
                call(json("POST", "/api/stores", signupJson("retry-me", "key-0123456789")));
        APIGatewayProxyResponseEvent again =
                call(json("POST", "/api/stores", signupJson("retry-me", "key-0123456789")));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(again.getStatusCode()).isEqualTo(201);
        assertThat(id(again.getBody())).isEqualTo(id(first.getBody()));
        assertThat(fleet.calls.stream()
                        .filter(c -> c.equals("createFunction retry-me"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aFailingStep_isCompensated_theStoreIsFailedWithAReason_andTheSlugIsFreeAgain() {
        fleet.failOn = "createRoute";
        APIGatewayProxyResponseEvent failed = call(json("POST", "/api/stores", signupJson("doomed", null)));

        assertThat(failed.getStatusCode()).isEqualTo(502);
        assertThat(failed.getBody())
                .contains("could not create the store's web address")
                .doesNotContain("Exception")
                .doesNotContain("arn:");
        assertThat(fleet.calls)
                .containsSubsequence(
                        "createFunction doomed", "createRoute doomed", "deleteRoute doomed", "deleteFunction doomed");
        assertThat(call(json("GET", "/api/stores/doomed", null)).getStatusCode())
                .isEqualTo(404);
        String tenantId = emulators.dynamo().scan(r -> r.tableName(Emulators.TABLE)).items().stream()
                .filter(i -> i.get("pk").s().startsWith("PLATFORM#STORE#")
                        && "doomed".equals(i.get("slug").s()))
                .map(i -> i.get("tenantId").s())
                .findFirst()
                .orElseThrow();
        List<Map<String, AttributeValue>> leftovers =
                emulators.dynamo().scan(r -> r.tableName(Emulators.TABLE)).items().stream()
                        .filter(i -> i.get("pk").s().startsWith(tenantId + "#"))
                        .toList();
        assertThat(leftovers).as("the failed store's own records").isEmpty();

        fleet.failOn = null;
        assertThat(call(json("POST", "/api/stores", signupJson("doomed", null))).getStatusCode())
                .isEqualTo(201);
    }

    @Test
    void badInput_isAnsweredWithProblemJson_naming_theField_andNothingIsWritten() {
        long before = emulators.dynamo().scan(r -> r.tableName(Emulators.TABLE)).count();
        Map<String, String> cases = new HashMap<>();
        cases.put(signupJson("ab", null), "slug");
        cases.put(signupJson("admin", null), "slug");
        cases.put(signupJson("Bad_Slug", null), "slug");
        cases.put(signupJson("-edge-", null), "slug");
        cases.put(signupJson("fine-slug", null).replace("CNY", "XYZ"), "currency");
        cases.put(signupJson("fine-slug", null).replace("Owner@Example.com", "not-an-email"), "ownerEmail");
        cases.put(signupJson("fine-slug", null).replace("a long enough secret", "short"), "password");
        cases.put(signupJson("fine-slug", null).replace("\"CN\"", "\"ZZ\""), "country");
        cases.put(signupJson("fine-slug", null).replace("Kashgar Dried Fruit", "x".repeat(81)), "storeName");
        cases.put("{\"slug\":\"fine-slug\"}", "storeName");
        cases.forEach((body, field) -> {
            APIGatewayProxyResponseEvent r = call(json("POST", "/api/stores", body));
            assertThat(r.getStatusCode()).as(body).isEqualTo(400);
            assertThat(header(r, "Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(r.getBody()).as(body).contains("\"field\":\"" + field + "\"");
        });
        APIGatewayProxyResponseEvent malformed = call(json("POST", "/api/stores", "{\"storeName\": "));
        assertThat(malformed.getStatusCode()).isEqualTo(400);
        assertThat(malformed.getBody()).contains("\"status\":400").doesNotContain("Exception");
        assertThat(emulators.dynamo().scan(r -> r.tableName(Emulators.TABLE)).count())
                .isEqualTo(before);
    }

    @Test
    void formSignup_redirectsToTheStatusPage_whichLinksTheLiveStore() {
        String body = "idempotencyKey=form-key-123456&storeName=Sialkot+Textiles&slug=sialkot-textiles"
                + "&ownerEmail=owner%40sialkot.example&password=another+long+secret&currency=PKR&country=PK&language=ur";
        APIGatewayProxyResponseEvent created = call(form("/signup", body));
        assertThat(created.getStatusCode()).isEqualTo(303);
        assertThat(header(created, "Location").orElseThrow()).isEqualTo("/stores/sialkot-textiles");

        String status = call(get("/stores/sialkot-textiles")).getBody();
        assertThat(status)
                .contains("data-status=\"ACTIVE\"")
                .contains("href=\"/s/sialkot-textiles/\"")
                .contains("http://sialkot-textiles.localhost:3000/");

        APIGatewayProxyResponseEvent doubleSubmit = call(form("/signup", body));
        assertThat(doubleSubmit.getStatusCode()).isEqualTo(303);
        assertThat(fleet.calls.stream()
                        .filter(c -> c.equals("createFunction sialkot-textiles"))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aFailedFormSignup_showsWhyAtOnce_andOffersToTryAgain() {
        fleet.failOn = "createFunction";
        APIGatewayProxyResponseEvent response = call(
                form(
                        "/signup",
                        "idempotencyKey=form-key-failing1&storeName=Fails"
                                + "&slug=fails-once&ownerEmail=f%40example.com&password=0123456789ab&currency=USD&country=US&language=en"));
        assertThat(response.getStatusCode()).isEqualTo(502);
        assertThat(response.getBody())
                .contains("data-status=\"FAILED\"")
                .contains("could not create the store's function")
                .contains("Try again");
    }

    @Test
    void aTamperedIdempotencyKey_isRefused_andTheFormComesBackWithAFreshOne() {
        APIGatewayProxyResponseEvent response = call(
                form(
                        "/signup",
                        "idempotencyKey=%3Cbad%3E&storeName=X"
                                + "&slug=tampered&ownerEmail=t%40example.com&password=0123456789ab&currency=USD&country=US&language=en"));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody())
                .doesNotContain("&lt;bad&gt;")
                .containsPattern("name=\"idempotencyKey\" value=\"[a-z2-7]{26}\"");
    }

    @Test
    void formSignupWithATakenSlug_showsTheFormAgain_withWhatWasTyped() {
        call(json("POST", "/api/stores", signupJson("taken-one", null)));
        APIGatewayProxyResponseEvent response = call(form(
                "/signup",
                "storeName=Second&slug=taken-one"
                        + "&ownerEmail=b%40example.com&password=0123456789ab&currency=USD&country=US&language=en"));
        assertThat(response.getStatusCode()).isEqualTo(409);
        assertThat(response.getBody())
                .contains("already taken")
                .contains("value=\"Second\"")
                .doesNotContain("0123456789ab");
    }

    @Test
    void signupForm_namesCountriesAndCurrenciesInThePagesLanguage_andKeepsTheChoicesAfterARefusal() {
        String french = call(get("/signup?lang=fr")).getBody();
        assertThat(french)
                .contains("<select id=\"country\" name=\"country\"")
                .contains("<option value=\"PK\">Pakistan</option>")
                .contains("<option value=\"DE\">Allemagne</option>")
                .contains("<select id=\"currency\" name=\"currency\"")
                .contains("(PKR)</option>")
                .doesNotContain("ISO 4217");

        call(json("POST", "/api/stores", signupJson("taken-two", null)));
        APIGatewayProxyResponseEvent refused = call(form(
                "/signup",
                "storeName=Again&slug=taken-two&ownerEmail=c%40example.com&password=0123456789ab&currency="
                        + "&country=AE&language=ar"));
        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody())
                .contains("<option value=\"AE\" selected>")
                .contains("<option value=\"\" selected>")
                .contains("<option value=\"ar\" selected");
    }

    @Test
    void formSignup_withTheCountrysCurrency_opensTheStoreInThatCurrency() {
        APIGatewayProxyResponseEvent created = call(
                form(
                        "/signup",
                        "idempotencyKey=form-key-dubai-001&storeName=Dubai+Dates&slug=dubai-dates"
                                + "&ownerEmail=owner%40dubai.example&password=another+long+secret&currency=&country=AE&language=en"));
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(303);
        assertThat(call(json("GET", "/api/stores/dubai-dates", null)).getBody()).contains("\"currency\":\"AED\"");
    }

    @Test
    void aSignupFormWithoutTheCsrfToken_isRefused_andCreatesNothing() {
        APIGatewayProxyResponseEvent response = call(io.dukan.aws.testing.ProxyEvents.event(
                "POST",
                "/signup",
                "storeName=Forged&slug=forged-store&ownerEmail=f%40example.com&password=0123456789ab&currency=USD"
                        + "&country=US&language=en",
                Map.of("Content-Type", "application/x-www-form-urlencoded")));
        assertThat(response.getStatusCode()).isEqualTo(403);
        assertThat(call(json("GET", "/api/stores/forged-store", null)).getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void aStoreNameWithMarkup_isShownAsText_onTheStatusPage() {
        String body = signupJson("markup-name", null).replace("Kashgar Dried Fruit", "<script>alert(1)</script>");
        assertThat(call(json("POST", "/api/stores", body)).getStatusCode()).isEqualTo(201);
        String page = call(get("/stores/markup-name")).getBody();
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void platformPages_carrySecurityHeaders() {
        APIGatewayProxyResponseEvent signup = call(get("/signup"));
        assertThat(header(signup, "Content-Security-Policy").orElseThrow())
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(header(signup, "X-Content-Type-Options")).hasValue("nosniff");
        assertThat(header(signup, "Cache-Control")).hasValue("no-store");
    }

    @Test
    void signup_inUrdu_isRightToLeft_andARefusalComesBackInUrdu_withWhatWasTyped() {
        APIGatewayProxyResponseEvent page = call(io.dukan.aws.testing.ProxyEvents.event(
                "GET", "/signup", null, Map.of("Accept", "text/html", "Accept-Language", "ur-PK,ur;q=0.9,en;q=0.5")));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getBody())
                .contains("lang=\"ur\" dir=\"rtl\"")
                .contains("اپنی دکان کھولیں")
                .contains("/signup?lang=ur\"")
                .doesNotContain("Open your store", "Store name");

        APIGatewayProxyResponseEvent refused = call(
                form(
                        "/signup?lang=ur",
                        "storeName=%D8%AF%DA%A9%D8%A7%D9%86"
                                + "&slug=ur-store&ownerEmail=not-an-address&password=0123456789ab&currency=PKR&country=PK&language=ur"));
        assertThat(refused.getStatusCode()).isEqualTo(400);
        assertThat(refused.getBody())
                .contains("dir=\"rtl\"")
                .contains("براہ کرم name@example.com جیسا ای میل پتا لکھیں")
                .contains("value=\"دکان\"")
                .contains("value=\"ur-store\"")
                .contains("<option value=\"ur\" selected")
                .doesNotContain("owner email must be", "0123456789ab");
    }

    @Test
    void unknownStoreAddress_inArabic_saysSoInArabic() {
        APIGatewayProxyResponseEvent response = call(io.dukan.aws.testing.ProxyEvents.event(
                "GET", "/s/nobody-here?lang=ar", null, Map.of("Accept", "text/html")));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody())
                .contains("dir=\"rtl\"")
                .contains("لا يوجد متجر على هذا العنوان")
                .doesNotContain("There is no store");
    }

    @Test
    void unknownStoreAddress_isA404Page() {
        APIGatewayProxyResponseEvent root = call(get("/s/nobody-here"));
        assertThat(root.getStatusCode()).isEqualTo(404);
        assertThat(root.getBody()).contains("There is no store at this address");
        APIGatewayProxyResponseEvent response = call(get("/s/nobody-here/products/x"));
        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody())
                .contains("There is no store at this address")
                .doesNotContain("Exception");
    }

    static String id(String json) {
        int i = json.indexOf("\"id\":\"") + 6;
        return json.substring(i, json.indexOf('"', i));
    }
}
