package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.InsightAggregator;
import io.dukan.aws.dynamodb.OutboxMessages;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.aws.testing.ProxyEvents;
import io.dukan.aws.testing.StreamDrain;
import io.dukan.core.payment.PaymentService;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.tenant.LowStockMarks;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.TestClock;
import io.micronaut.context.ApplicationContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The first-time seller's admin through the real shop function on DynamoDB Local: the setup guide worked out from
 * the store's data, the owner's alerts (new order to the sign-in address, low stock once per crossing), the WhatsApp
 * link to the shopper, the menu by role.
 */
class SellerIT {

    static final String PASSWORD = ShopFunctionIT.PASSWORD;
    static final TestClock clock = new TestClock(Instant.now());
    static Emulators emulators;
    static OutboxMessages outbox;
    static final List<ShopFunction> functions = new ArrayList<>();

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        outbox = new OutboxMessages(emulators.dynamo(), Emulators.TABLE);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ShopFunction fn : functions) {
            fn.close();
        }
        emulators.close();
    }

    static ShopFunction function(StoreSettings store) {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        ShopFunction fn = new ShopFunction(
                ApplicationContext.builder().properties(properties).singletons(clock));
        functions.add(fn);
        return fn;
    }

    static APIGatewayProxyResponseEvent call(ShopFunction fn, APIGatewayProxyRequestEvent event) {
        return fn.handleRequest(event, null);
    }

    static APIGatewayProxyRequestEvent as(String cookie, APIGatewayProxyRequestEvent event) {
        return ShopFunctionIT.withCookie(event, cookie);
    }

    static List<OutboxMessages.Message> mails(StoreSettings store, String to) {
        return outbox.recent(500).stream()
                .filter(m -> m.tenantId().equals(store.tenantId().value()) && m.to().equals(to))
                .toList();
    }

    static String step(String admin, String name) {
        Matcher m = Pattern.compile("<li class=\"(step[^\"]*)\" data-step=\"" + name + "\">")
                .matcher(admin);
        assertThat(m.find()).as(admin).isTrue();
        return m.group(1);
    }

    @Test
    void setupGuide_worksOutEachStepFromTheStoresData_andRemembersTheShare() {
        StoreSettings store = TestStores.seed(emulators, "guide", "PKR", "owner@guide.example", PASSWORD);
        ShopFunction fn = function(store);
        String owner = ShopFunctionIT.login(fn, "guide", "owner@guide.example", PASSWORD);

        String before = call(fn, as(owner, get("/s/guide/admin"))).getBody();
        assertThat(before)
                .contains("0 of 6 steps done")
                .contains("<progress id=\"setup-progress\" max=\"6\" value=\"0\"");
        assertThat(step(before, "product")).isEqualTo("step");
        assertThat(before).contains("<svg").contains("role=\"img\"").contains(Emulators.PUBLIC_URL + "/s/guide");

        // a product without a photo is not the step; a delivery zone, payment methods, contact and an order are
        ShopFunctionIT.createProduct(fn, "guide", owner, "Apricots", "450", 10, "");
        assertThat(call(
                                fn,
                                as(
                                        owner,
                                        form(
                                                "/s/guide/admin/shipping/zones",
                                                "name=Pakistan&areas=PK&rate0Name=Courier&rate0Kind=FLAT&rate0Price=200")))
                        .getStatusCode())
                .isEqualTo(303);
        Checkouts.order(
                fn,
                "guide",
                ShopFunctionIT.createProduct(fn, "guide", owner, "Walnuts", "900", 5, ""),
                1,
                Checkouts.DETAILS);
        APIGatewayProxyResponseEvent shared = call(fn, as(owner, get("/s/guide/admin/setup/share")));
        assertThat(shared.getStatusCode()).isEqualTo(303);
        String whatsapp = header(shared, "Location").orElseThrow();
        assertThat(whatsapp).startsWith("https://wa.me/?text=");
        assertThat(URLDecoder.decode(whatsapp.substring(20), StandardCharsets.UTF_8))
                .contains("Store guide")
                .contains(Emulators.PUBLIC_URL + "/s/guide");

        String after = call(fn, as(owner, get("/s/guide/admin"))).getBody();
        assertThat(step(after, "product")).isEqualTo("step");
        assertThat(step(after, "delivery")).isEqualTo("step done");
        assertThat(step(after, "payments")).isEqualTo("step");
        assertThat(step(after, "contact")).isEqualTo("step");
        assertThat(step(after, "order")).isEqualTo("step done");
        assertThat(step(after, "share")).isEqualTo("step done");
        assertThat(after).contains("3 of 6 steps done");

        // dismissed: gone from the home page until asked back
        call(fn, as(owner, form("/s/guide/admin/setup/dismiss", "")));
        String dismissed = call(fn, as(owner, get("/s/guide/admin"))).getBody();
        assertThat(dismissed).doesNotContain("data-step=").contains("/s/guide/admin/setup/show");
        call(fn, as(owner, form("/s/guide/admin/setup/show", "")));
        assertThat(call(fn, as(owner, get("/s/guide/admin"))).getBody()).contains("data-step=\"share\"");
    }

    @Test
    void newOrderAlert_goesToTheOwnersSignInAddress_whenTheStoreHasNoContactEmail() {
        StoreSettings store = TestStores.seed(emulators, "noemail", "PKR", "owner@noemail.example", PASSWORD);
        ShopFunction fn = function(store);
        String owner = ShopFunctionIT.login(fn, "noemail", "owner@noemail.example", PASSWORD);
        String product = ShopFunctionIT.createProduct(fn, "noemail", owner, "Almonds", "700", 50, "");

        Checkouts.order(fn, "noemail", product, 1, Checkouts.DETAILS);

        assertThat(mails(store, "owner@noemail.example"))
                .anySatisfy(m -> assertThat(m.subject()).contains("#1001"));
    }

    @Test
    void lowStockAlert_isSentOncePerCrossing_andAgainAfterARestock() {
        StoreSettings store = TestStores.seed(emulators, "lowstock", "PKR", "owner@lowstock.example", PASSWORD);
        ShopFunction fn = function(store);
        String owner = ShopFunctionIT.login(fn, "lowstock", "owner@lowstock.example", PASSWORD);
        setLowStockLevel(fn, "lowstock", owner, 5);
        String product = ShopFunctionIT.createProduct(fn, "lowstock", owner, "Pistachios", "1200", 8, "");

        Checkouts.order(fn, "lowstock", product, 2, Checkouts.DETAILS); // 6 left: above 5
        assertThat(lowStockMails(store)).isZero();
        Checkouts.order(fn, "lowstock", product, 2, Checkouts.DETAILS); // 4 left: crossed
        assertThat(lowStockMails(store)).isOne();
        Checkouts.order(fn, "lowstock", product, 1, Checkouts.DETAILS); // 3 left: still below, no second mail
        assertThat(lowStockMails(store)).isOne();
        assertThat(mails(store, "owner@lowstock.example").stream()
                        .filter(m -> m.subject().contains("running out"))
                        .findFirst()
                        .orElseThrow()
                        .text())
                .contains("Pistachios: 4 left")
                .contains(Emulators.PUBLIC_URL + "/s/lowstock/admin/products");

        // the owner restocks to 20 in the editor: the next crossing is reported again
        APIGatewayProxyResponseEvent restocked = call(
                fn,
                as(
                        owner,
                        form(
                                "/s/lowstock/admin/products/" + product,
                                "name=Pistachios&price=1200&stock=20&shownStock=3")));
        assertThat(restocked.getStatusCode()).as(restocked.getBody()).isEqualTo(303);
        try (StreamDrain stream = new StreamDrain(emulators)) { // the insight function's feed takes the mark off
            stream.drain(fn.getApplicationContext().getBean(InsightAggregator.class));
        }
        Checkouts.order(fn, "lowstock", product, 16, Checkouts.DETAILS); // 4 left again
        assertThat(lowStockMails(store)).isEqualTo(2);
    }

    @Test
    void theOneLowStockLevel_isSetInTheSettings_andDrivesBothTheAlertAndTheDashboardList() {
        StoreSettings store = TestStores.seed(emulators, "onelevel", "PKR", "owner@onelevel.example", PASSWORD);
        ShopFunction fn = function(store);
        String owner = ShopFunctionIT.login(fn, "onelevel", "owner@onelevel.example", PASSWORD);
        StreamDrain stream = new StreamDrain(emulators);
        InsightAggregator aggregator = fn.getApplicationContext().getBean(InsightAggregator.class);
        try {
            String settings =
                    call(fn, as(owner, get("/s/onelevel/admin/settings"))).getBody();
            assertThat(settings)
                    .contains("id=\"lowStockThreshold\" name=\"lowStockThreshold\"")
                    .contains("value=\"" + LowStockMarks.DEFAULT_THRESHOLD + "\"");
            String product = ShopFunctionIT.createProduct(fn, "onelevel", owner, "Saffron", "900", 12, "");

            // 12 → 7: not low at the default level (5)
            Checkouts.order(fn, "onelevel", product, 5, Checkouts.DETAILS);
            stream.drain(aggregator);
            assertThat(lowStockMails(store)).isZero();
            assertThat(call(fn, as(owner, get("/s/onelevel/admin"))).getBody())
                    .doesNotContain("id=\"figures-low\"")
                    .contains("No product is at or below 5 in stock.");

            // a bad level is refused with what was typed kept, and nothing changes
            APIGatewayProxyResponseEvent refused =
                    call(fn, as(owner, form("/s/onelevel/admin/settings", settingsBody("onelevel", "-2"))));
            assertThat(refused.getStatusCode()).isEqualTo(400);
            assertThat(refused.getBody()).contains("low-stock level").contains("value=\"-2\"");
            assertThat(fn.getApplicationContext().getBean(LowStockMarks.class).threshold(store.tenantId()))
                    .isEqualTo(LowStockMarks.DEFAULT_THRESHOLD);

            setLowStockLevel(fn, "onelevel", owner, 8);
            String home = call(fn, as(owner, get("/s/onelevel/admin"))).getBody();
            assertThat(home)
                    .contains("id=\"figures-low\"")
                    .containsPattern("Saffron</a></td><td>7</td>")
                    .contains("Low stock means 8 or fewer left.")
                    .contains("href=\"/s/onelevel/admin/settings#lowStockThreshold\"")
                    .doesNotContain("/admin/figures/low-stock")
                    .doesNotContain("/admin/setup/low-stock");
            Checkouts.order(fn, "onelevel", product, 1, Checkouts.DETAILS); // 7 → 6: at or below 8
            assertThat(lowStockMails(store)).isOne();
            assertThat(mails(store, "owner@onelevel.example").stream()
                            .filter(m -> m.subject().contains("running out"))
                            .findFirst()
                            .orElseThrow()
                            .text())
                    .contains("at or below 8")
                    .contains("Saffron: 6 left");
        } finally {
            stream.close();
        }
    }

    @Test
    void lowStockAlert_isReArmed_byEveryWriteThatRaisesTheStockAboveTheLevel() {
        StoreSettings store = TestStores.seed(emulators, "rearm", "PKR", "owner@rearm.example", PASSWORD);
        ShopFunction fn = function(store);
        String owner = ShopFunctionIT.login(fn, "rearm", "owner@rearm.example", PASSWORD);
        StreamDrain stream = new StreamDrain(emulators); // the insight function's feed: the table's stream
        InsightAggregator aggregator = fn.getApplicationContext().getBean(InsightAggregator.class);
        PaymentService payments = fn.getApplicationContext().getBean(PaymentService.class);
        try {
            setLowStockLevel(fn, "rearm", owner, 5);
            String product = ShopFunctionIT.createProduct(fn, "rearm", owner, "Walnuts", "800", 8, "");
            Checkouts.order(fn, "rearm", product, 4, Checkouts.DETAILS); // 8 → 4: crossed
            stream.drain(aggregator);
            assertThat(lowStockMails(store)).isOne();

            // 1. the admin product editor: 4 → 20
            APIGatewayProxyResponseEvent edited = call(
                    fn,
                    as(
                            owner,
                            form(
                                    "/s/rearm/admin/products/" + product,
                                    "name=Walnuts&price=800&stock=20&shownStock=4")));
            assertThat(edited.getStatusCode()).as(edited.getBody()).isEqualTo(303);
            stream.drain(aggregator);
            Checkouts.order(fn, "rearm", product, 16, Checkouts.DETAILS); // 20 → 4
            assertThat(lowStockMails(store)).isEqualTo(2);
            Checkouts.order(fn, "rearm", product, 1, Checkouts.DETAILS); // 4 → 3: the same crossing
            stream.drain(aggregator);
            assertThat(lowStockMails(store)).isEqualTo(2);

            // 2. the JSON API: 3 → 12
            APIGatewayProxyResponseEvent put = call(
                    fn,
                    as(
                            owner,
                            ProxyEvents.json(
                                    "PUT",
                                    "/s/rearm/api/products/" + product,
                                    "{\"name\":\"Walnuts\",\"variants\":[{\"price\":\"800\",\"stock\":12,"
                                            + "\"shownStock\":3}]}")));
            assertThat(put.getStatusCode()).as(put.getBody()).isEqualTo(200);
            stream.drain(aggregator);
            String taken = Checkouts.order(fn, "rearm", product, 8, Checkouts.DETAILS); // 12 → 4
            assertThat(lowStockMails(store)).isEqualTo(3);

            // 3. the owner cancels that order: 4 → 12 (restocked in the cancel's transaction)
            String code = taken.substring(taken.lastIndexOf('/') + 1);
            APIGatewayProxyResponseEvent cancelled =
                    call(fn, as(owner, form("/s/rearm/admin/orders/" + code + "/cancel", "version=1")));
            assertThat(cancelled.getStatusCode()).as(cancelled.getBody()).isEqualTo(303);
            stream.drain(aggregator);
            String unpaid = Checkouts.order(fn, "rearm", product, 8, Checkouts.DETAILS); // 12 → 4
            assertThat(lowStockMails(store)).isEqualTo(4);

            // 4. an unpaid order expires (what a wallet payment's expiry sends): its stock comes back, 4 → 12
            assertThat(payments.apply(
                            store.tenantId(),
                            "jazzcash",
                            new ProviderEvent(
                                    "expired-" + unpaid.substring(unpaid.lastIndexOf('/') + 1),
                                    ProviderEvent.Type.PAYMENT_ENDED,
                                    unpaid.substring(unpaid.lastIndexOf('/') + 1),
                                    null)))
                    .isEqualTo(PaymentService.Outcome.APPLIED);
            stream.drain(aggregator);
            Checkouts.order(fn, "rearm", product, 8, Checkouts.DETAILS); // 12 → 4
            assertThat(lowStockMails(store)).isEqualTo(5);

            // a restock that stays at or below the level does not re-arm: 4 → 5, then 5 → 4 is no new crossing
            APIGatewayProxyResponseEvent small = call(
                    fn,
                    as(
                            owner,
                            form("/s/rearm/admin/products/" + product, "name=Walnuts&price=800&stock=5&shownStock=4")));
            assertThat(small.getStatusCode()).as(small.getBody()).isEqualTo(303);
            stream.drain(aggregator);
            Checkouts.order(fn, "rearm", product, 1, Checkouts.DETAILS);
            assertThat(lowStockMails(store)).isEqualTo(5);
        } finally {
            stream.close();
        }
    }

    static String settingsBody(String slug, String level) {
        return "name=" + ShopFunctionIT.enc("Store " + slug)
                + "&phone=&whatsapp=&email=&address=&currency=PKR&language=en&logoKey=&lowStockThreshold="
                + ShopFunctionIT.enc(level);
    }

    /** The owner saves the settings page with {@code level} as the store's low-stock level. */
    static void setLowStockLevel(ShopFunction fn, String slug, String owner, int level) {
        APIGatewayProxyResponseEvent saved = call(
                fn, as(owner, form("/s/" + slug + "/admin/settings", settingsBody(slug, Integer.toString(level)))));
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(303);
        assertThat(call(fn, as(owner, get("/s/" + slug + "/admin/settings"))).getBody())
                .contains("name=\"lowStockThreshold\" type=\"number\" inputmode=\"numeric\" min=\"0\" max=\"999\" "
                        + "step=\"1\" value=\"" + level + "\"");
    }

    @Test
    void lowStockMark_isTakenByExactlyOneOfManyRacingOrders() throws Exception {
        StoreSettings store = TestStores.seed(emulators, "race", "PKR", "owner@race.example", PASSWORD);
        ShopFunction fn = function(store);
        LowStockMarks marks = fn.getApplicationContext().getBean(LowStockMarks.class);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                tries.add(pool.submit(() -> marks.mark(store.tenantId(), "aaaaaaaaaaaaaaaa")));
            }
            long won = 0;
            for (Future<Boolean> f : tries) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isOne();
        } finally {
            pool.shutdown();
        }
        marks.unmark(store.tenantId(), List.of("aaaaaaaaaaaaaaaa"));
        assertThat(marks.mark(store.tenantId(), "aaaaaaaaaaaaaaaa")).isTrue();
    }

    @Test
    void adminOrderPage_offersWhatsAppToTheShopper_withTheOrderSummary() {
        StoreSettings store = TestStores.seed(emulators, "chat", "PKR", "owner@chat.example", PASSWORD);
        ShopFunction fn = function(store);
        String owner = ShopFunctionIT.login(fn, "chat", "owner@chat.example", PASSWORD);
        String product = ShopFunctionIT.createProduct(fn, "chat", owner, "Figs", "300", 9, "");
        String orderPath = Checkouts.order(fn, "chat", product, 2, Checkouts.DETAILS);
        String code = orderPath.substring(orderPath.lastIndexOf('/') + 1);

        String page = call(fn, as(owner, get("/s/chat/admin/orders/" + code))).getBody();

        Matcher link = Pattern.compile("href=\"(https://wa\\.me/923001234567\\?text=[^\"]+)\"")
                .matcher(page);
        assertThat(link.find()).as(page).isTrue();
        String text = URLDecoder.decode(
                link.group(1).replace("&amp;", "&").substring(link.group(1).indexOf("?text=") + 6),
                StandardCharsets.UTF_8);
        assertThat(text)
                .contains("Hello Ayesha, this is Store chat about your order #1001")
                .contains("2 × Figs")
                .contains(Emulators.PUBLIC_URL + orderPath);
    }

    @Test
    void menu_showsStaffOnlyTheLinksTheirRoleMayOpen() {
        StoreSettings store = TestStores.seed(emulators, "menu", "PKR", "owner@menu.example", PASSWORD);
        ShopFunction fn = function(store);
        String owner = ShopFunctionIT.login(fn, "menu", "owner@menu.example", PASSWORD);
        String ownerHome = call(fn, as(owner, get("/s/menu/admin"))).getBody();
        assertThat(ownerHome)
                .contains("href=\"/s/menu/admin/settings\"")
                .contains("href=\"/s/menu/admin/shipping\"")
                .contains("href=\"/s/menu/admin/payments\"")
                .contains("href=\"/s/menu/admin/staff\"");

        APIGatewayProxyResponseEvent invited = call(
                fn,
                as(owner, form("/s/menu/admin/staff/invites", "email=" + ShopFunctionIT.enc("bilal@menu.example"))));
        assertThat(invited.getStatusCode()).as(invited.getBody()).isEqualTo(303);
        String mail = mails(store, "bilal@menu.example").get(0).text();
        Matcher invite = Pattern.compile(Pattern.quote(Emulators.PUBLIC_URL) + "(/s/menu/admin/invite/[a-z2-7]{26})")
                .matcher(mail);
        assertThat(invite.find()).as(mail).isTrue();
        APIGatewayProxyResponseEvent joined =
                call(fn, form(invite.group(1), "name=Bilal&password=" + ShopFunctionIT.enc("apricots and walnuts")));
        String setCookie = header(joined, "Set-Cookie").orElseThrow();
        String staff = setCookie.substring(0, setCookie.indexOf(';'));

        for (String path : List.of("/s/menu/admin", "/s/menu/admin/orders", "/s/menu/admin/products")) {
            APIGatewayProxyResponseEvent page = call(fn, as(staff, get(path)));
            assertThat(page.getStatusCode()).as(path).isEqualTo(200);
            assertThat(page.getBody())
                    .as(path)
                    .contains("href=\"/s/menu/admin/orders\"")
                    .contains("href=\"/s/menu/admin/products\"")
                    .doesNotContain("href=\"/s/menu/admin/settings\"")
                    .doesNotContain("href=\"/s/menu/admin/shipping\"")
                    .doesNotContain("href=\"/s/menu/admin/payments\"")
                    .doesNotContain("href=\"/s/menu/admin/staff\"")
                    .doesNotContain("data-step=");
        }
    }

    static long lowStockMails(StoreSettings store) {
        return mails(
                        store,
                        store.contact().email().isEmpty()
                                ? "owner@" + store.slug().value() + ".example"
                                : "")
                .stream()
                .filter(m -> m.subject().contains("running out"))
                .count();
    }
}
