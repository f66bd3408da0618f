package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.OutboxMessages;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
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
        assertThat(call(fn, as(owner, form("/s/lowstock/admin/setup/low-stock", "threshold=5")))
                        .getStatusCode())
                .isEqualTo(303);
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
        Checkouts.order(fn, "lowstock", product, 16, Checkouts.DETAILS); // 4 left again
        assertThat(lowStockMails(store)).isEqualTo(2);
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
