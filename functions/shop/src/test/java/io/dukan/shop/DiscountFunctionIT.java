package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.form;
import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static io.dukan.shop.Checkouts.as;
import static io.dukan.shop.Checkouts.call;
import static io.dukan.shop.ShopFunctionIT.withCookie;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.account.AccountRepository;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.shared.Ids;
import io.dukan.core.tenant.StoreSettings;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discount codes through the shop function's real handler on DynamoDB Local: the owner's pages, a shopper applying
 * and removing a code at checkout without JavaScript, the order placed with it and seen on every page, a used-up
 * code refusing the order with nothing written, another store's code, and staff kept out of the owner's pages.
 */
class DiscountFunctionIT {

    static Emulators emulators;
    static StoreSettings alpha;
    static StoreSettings beta;
    static ShopFunction alphaFn;
    static ShopFunction betaFn;
    static String owner;
    static String betaOwner;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        alpha = TestStores.seed(emulators, "dalpha", "PKR", "owner@dalpha.example", ShopFunctionIT.PASSWORD);
        beta = TestStores.seed(emulators, "dbeta", "PKR", "owner@dbeta.example", ShopFunctionIT.PASSWORD);
        alphaFn = ShopFunctionIT.function(emulators, alpha);
        betaFn = ShopFunctionIT.function(emulators, beta);
        owner = ShopFunctionIT.login(alphaFn, "dalpha", "owner@dalpha.example");
        betaOwner = ShopFunctionIT.login(betaFn, "dbeta", "owner@dbeta.example");
    }

    @AfterAll
    static void stop() throws Exception {
        alphaFn.close();
        betaFn.close();
        emulators.close();
    }

    static APIGatewayProxyResponseEvent admin(String path, String body) {
        return call(alphaFn, withCookie(form("/s/dalpha/admin" + path, body), owner));
    }

    static String adminPage(String path) {
        APIGatewayProxyResponseEvent page = call(alphaFn, withCookie(get("/s/dalpha/admin" + path), owner));
        assertThat(page.getStatusCode()).as(page.getBody()).isEqualTo(200);
        return page.getBody();
    }

    static void createCode(String body) {
        APIGatewayProxyResponseEvent created = admin("/discounts", body);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(303);
        assertThat(header(created, "Location")).hasValue("/s/dalpha/admin/discounts?done=saved");
    }

    static String stockLine(String productId) {
        Matcher m = Pattern.compile("(\\d+) in stock")
                .matcher(call(alphaFn, get("/s/dalpha/products/" + productId)).getBody());
        return m.find() ? m.group(0) : "sold out";
    }

    static long orderCount() {
        return Pattern.compile("/admin/orders/[a-z2-7]{26}\"")
                .matcher(adminPage("/orders"))
                .results()
                .count();
    }

    @Test
    void aShopperAppliesACode_removesIt_appliesItAgain_andSeesItOnTheOrder_andTheOwnerSeesTheUse() {
        createCode("code=+eid10+&kind=PERCENTAGE&value=10&minimum=&startsAt=&endsAt=&usageLimit=");
        String productId = ShopFunctionIT.createProduct(alphaFn, "dalpha", owner, "Eid figs", "450", 10, "");
        String cart = Checkouts.newCart(alphaFn, "dalpha", productId, 2);
        String token = Checkouts.token(alphaFn, "dalpha", cart);

        APIGatewayProxyResponseEvent applied = call(
                alphaFn,
                as(
                        form(
                                "/s/dalpha/checkout",
                                "checkoutToken=" + token + "&" + Checkouts.DETAILS
                                        + "&discountCode=Eid10&discountAction=apply"),
                        cart));
        APIGatewayProxyResponseEvent removed = call(
                alphaFn,
                as(
                        form(
                                "/s/dalpha/checkout",
                                "checkoutToken=" + token + "&" + Checkouts.DETAILS
                                        + "&discountCode=Eid10&discountAction=remove"),
                        cart));

        assertThat(applied.getStatusCode()).isEqualTo(200);
        assertThat(applied.getBody())
                .contains("Discount code EID10 applied: Rs90.00 off.")
                .contains("Discount (EID10): -Rs90.00")
                .contains("<strong class=\"total\">Rs810.00</strong>")
                .contains("value=\"Ayesha\"")
                .contains("name=\"discountCode\" value=\"Eid10\"");
        assertThat(removed.getBody())
                .doesNotContain("EID10 applied")
                .contains("<strong class=\"total\">Rs900.00</strong>")
                .contains("value=\"Ayesha\"")
                .contains("name=\"discountCode\" value=\"\"");

        APIGatewayProxyResponseEvent placed =
                Checkouts.place(alphaFn, "dalpha", cart, token, Checkouts.DETAILS + "&discountCode=eid10");
        assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(303);
        String orderPath = header(placed, "Location").orElseThrow();
        String orderPage = call(alphaFn, get(orderPath)).getBody();
        String code = orderPath.substring(orderPath.lastIndexOf('/') + 1);
        String ownerOrder = adminPage("/orders/" + code);
        String slip = adminPage("/orders/" + code + "/packing-slip");
        String list = adminPage("/discounts");

        assertThat(orderPage).contains("Discount (EID10)").contains("-Rs90.00").contains("Rs810.00");
        assertThat(ownerOrder).contains("Discount (EID10)").contains("-Rs90.00").contains("Rs810.00");
        assertThat(slip).contains("Discount (EID10): -Rs90.00");
        assertThat(list).contains("EID10").contains("10% off products");
        assertThat(Pattern.compile("id=\"code-EID10\".*?class=\"used\">1<", Pattern.DOTALL)
                        .matcher(list)
                        .find())
                .as(list)
                .isTrue();
        assertThat(stockLine(productId)).isEqualTo("8 in stock");
    }

    @Test
    void aUsedUpCode_refusesTheOrder_reShowsTheCheckoutWithWhy_andWritesNothing() {
        createCode("code=ONLYONE&kind=FIXED_AMOUNT&value=100&usageLimit=1");
        String productId = ShopFunctionIT.createProduct(alphaFn, "dalpha", owner, "Last walnuts", "500", 10, "");
        Checkouts.order(alphaFn, "dalpha", productId, 1, Checkouts.DETAILS + "&discountCode=onlyone");
        long orders = orderCount();
        String cart = Checkouts.newCart(alphaFn, "dalpha", productId, 1);

        APIGatewayProxyResponseEvent refused = Checkouts.place(
                alphaFn,
                "dalpha",
                cart,
                Checkouts.token(alphaFn, "dalpha", cart),
                Checkouts.DETAILS + "&discountCode=onlyone&notes=Ring+twice");

        assertThat(refused.getStatusCode()).isEqualTo(409);
        assertThat(refused.getBody())
                .contains("This discount code has been used up.")
                .contains("Your order has not been placed.")
                .contains("Ring twice")
                .contains("name=\"discountCode\" value=\"onlyone\"");
        assertThat(orderCount()).isEqualTo(orders);
        assertThat(stockLine(productId)).isEqualTo("9 in stock");
        assertThat(call(alphaFn, as(get("/s/dalpha/cart"), cart)).getBody()).contains("Last walnuts");
    }

    @Test
    void belowTheMinimum_sayTheMinimum_andAnotherStoresCode_isUnknown() {
        createCode("code=BIGSPEND&kind=PERCENTAGE&value=20&minimum=5000");
        APIGatewayProxyResponseEvent betaCode = call(
                betaFn,
                withCookie(form("/s/dbeta/admin/discounts", "code=BETAONLY&kind=PERCENTAGE&value=50"), betaOwner));
        assertThat(betaCode.getStatusCode()).isEqualTo(303);
        String productId = ShopFunctionIT.createProduct(alphaFn, "dalpha", owner, "Small almonds", "300", 10, "");
        String cart = Checkouts.newCart(alphaFn, "dalpha", productId, 1);
        String token = Checkouts.token(alphaFn, "dalpha", cart);

        String below = call(
                        alphaFn,
                        as(
                                form(
                                        "/s/dalpha/checkout",
                                        "checkoutToken=" + token + "&" + Checkouts.DETAILS
                                                + "&discountCode=bigspend&discountAction=apply"),
                                cart))
                .getBody();
        APIGatewayProxyResponseEvent foreign =
                Checkouts.place(alphaFn, "dalpha", cart, token, Checkouts.DETAILS + "&discountCode=betaonly");
        APIGatewayProxyResponseEvent unknown =
                Checkouts.place(alphaFn, "dalpha", cart, token, Checkouts.DETAILS + "&discountCode=nosuchcode");

        assertThat(below).contains("This discount code needs an order of at least Rs5,000.00.");
        assertThat(foreign.getStatusCode()).isEqualTo(409);
        assertThat(foreign.getBody()).contains("This discount code does not exist.");
        assertThat(unknown.getBody()).contains("This discount code does not exist.");
        assertThat(stockLine(productId)).isEqualTo("10 in stock");
    }

    @Test
    void theOwnerPausesAndResumesACode_editsIt_andDeletesOnlyAnUnusedOne() {
        createCode("code=PAUSEME&kind=FREE_DELIVERY&value=&oncePerCustomer=on");
        String page = adminPage("/discounts");
        assertThat(page).contains("PAUSEME").contains("Free delivery").contains("once per customer");

        assertThat(admin("/discounts/PAUSEME/pause", "").getStatusCode()).isEqualTo(303);
        assertThat(adminPage("/discounts")).containsPattern("PAUSEME</bdi></strong></a> <span class=\"status\">Paused");
        assertThat(admin("/discounts/PAUSEME/resume", "").getStatusCode()).isEqualTo(303);
        String edit = adminPage("/discounts/pauseme");
        Matcher terms = Pattern.compile("name=\"terms\" value=\"(\\d+)\"").matcher(edit);
        assertThat(terms.find()).isTrue();
        APIGatewayProxyResponseEvent saved = admin(
                "/discounts/PAUSEME",
                "terms=" + terms.group(1) + "&kind=PERCENTAGE&value=15&endsAt=2030-01-01T00%3A00");
        APIGatewayProxyResponseEvent stale =
                admin("/discounts/PAUSEME", "terms=" + terms.group(1) + "&kind=PERCENTAGE&value=99");
        APIGatewayProxyResponseEvent bad = admin("/discounts", "code=x+y&kind=PERCENTAGE&value=150");
        APIGatewayProxyResponseEvent deleted = admin("/discounts/PAUSEME/delete", "");

        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(303);
        assertThat(stale.getStatusCode()).isEqualTo(409);
        assertThat(stale.getBody()).contains("changed or deleted meanwhile").contains("value=\"99\"");
        assertThat(bad.getStatusCode()).isEqualTo(400);
        assertThat(bad.getBody()).contains("value=\"x y\"");
        assertThat(deleted.getStatusCode()).isEqualTo(303);
        assertThat(adminPage("/discounts")).doesNotContain("PAUSEME");
        assertThat(call(alphaFn, withCookie(get("/s/dalpha/admin/discounts/PAUSEME"), owner))
                        .getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void staff_getNoDiscountPages_theyAreTheOwners() {
        String token = Ids.newSecret();
        alphaFn.getApplicationContext()
                .getBean(AccountRepository.class)
                .saveSession(new Session(
                        alpha.tenantId(),
                        token,
                        "bilal@dalpha.example",
                        Role.STAFF,
                        Instant.now().plusSeconds(3600)));
        String staff = "dukan_session=" + token;

        assertThat(call(alphaFn, withCookie(get("/s/dalpha/admin/orders"), staff))
                        .getStatusCode())
                .as("the session works for what staff may do")
                .isEqualTo(200);
        assertThat(call(alphaFn, withCookie(get("/s/dalpha/admin/discounts"), staff))
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(call(
                                alphaFn,
                                withCookie(
                                        form("/s/dalpha/admin/discounts", "code=STAFFCODE&kind=PERCENTAGE&value=90"),
                                        staff))
                        .getStatusCode())
                .isEqualTo(403);
        assertThat(adminPage("/discounts")).doesNotContain("STAFFCODE");
    }
}
