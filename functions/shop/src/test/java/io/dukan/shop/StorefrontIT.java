package io.dukan.shop;

import static io.dukan.aws.testing.ProxyEvents.get;
import static io.dukan.aws.testing.ProxyEvents.header;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.dukan.aws.dynamodb.TestCatalog;
import io.dukan.aws.dynamodb.TestStores;
import io.dukan.aws.testing.Emulators;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.ProductImage;
import io.dukan.core.catalog.ProductOption;
import io.dukan.core.catalog.ProductStatus;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Money;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.testing.InMemoryCatalog;
import io.dukan.core.testing.ProductTestData;
import io.dukan.shop.storefront.StorefrontController;
import io.dukan.shop.web.ShopAssets;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shopper's pages through the shop function's real handler, products in DynamoDB Local. Collections come from
 * an in-memory repository registered in the function's context until the DynamoDB one lands (catalog work).
 */
class StorefrontIT {

    static final String HOSTILE = "</script><script>alert('x')</script>";

    static Emulators emulators;
    static final InMemoryCatalog collectionStore = new InMemoryCatalog();
    static StoreSettings front;
    static StoreSettings other;
    static StoreSettings many;
    static ShopFunction frontFn;
    static ShopFunction otherFn;
    static ShopFunction manyFn;
    static StoreSettings budget;
    static ShopFunction budgetFn;
    /** The same store as deployed: shoppers' images from the media CDN (a CloudFront address's length). */
    static ShopFunction budgetCdnFn;

    static Product budgetProduct;

    static Collection dried;
    static Collection othersShelf;
    static Collection manyShelf;
    static Product apricots;
    static Product draft;
    static Product archived;
    static Product hostile;
    static Product madeToOrder;
    static Product soldOut;
    static Product othersApricots;

    @BeforeAll
    static void start() {
        emulators = Emulators.start();
        front = TestStores.seed(emulators, "front", "PKR", "owner@front.example", "front password 1");
        other = TestStores.seed(emulators, "other", "USD", "owner@other.example", "other password 1");
        many = TestStores.seed(emulators, "many", "PKR", "owner@many.example", "many password 1");

        dried = collection(front, "Dried fruit", "Sun-dried in Kashgar");
        othersShelf = collection(other, "Other shelf", "");
        manyShelf = collection(many, "Everything", "");
        apricots = add(front, twoOptionApricots(front));
        draft = add(
                front,
                ProductTestData.aProduct()
                        .named("Secret draft apricots")
                        .withStatus(ProductStatus.DRAFT)
                        .inCollections(dried.id())
                        .taggedWith("apricot")
                        .build());
        archived = add(
                front,
                ProductTestData.aProduct()
                        .named("Archived apricots")
                        .withStatus(ProductStatus.ARCHIVED)
                        .inCollections(dried.id())
                        .build());
        hostile = add(
                front,
                ProductTestData.aProduct()
                        .named(HOSTILE)
                        .describedAs("<b>bold</b> " + HOSTILE)
                        .withSku("HOST-1")
                        .build());
        madeToOrder = add(
                front,
                ProductTestData.aProduct()
                        .named("Made to order shawl")
                        .withStock(0)
                        .sellingWhenSoldOut()
                        .build());
        soldOut = add(
                front,
                ProductTestData.aProduct().named("Gone walnuts").withStock(0).build());
        othersApricots = add(
                other,
                ProductTestData.aProduct()
                        .named("Other apricots")
                        .taggedWith("apricot")
                        .pricedAt(new Money(999, "USD"))
                        .inCollections(othersShelf.id())
                        .build());
        for (int i = 0; i < 30; i++) {
            add(
                    many,
                    ProductTestData.aProduct()
                            .named("Bulk raisins " + i)
                            .taggedWith("bulk")
                            .withSku("BULK-" + i)
                            .inCollections(manyShelf.id())
                            .build());
        }
        budget = TestStores.seed(
                emulators,
                "budget",
                "Kashgar Dried Fruit & Nut Company",
                "PKR",
                "owner@budget.example",
                "budget password 1");
        List<CollectionId> shelves = new ArrayList<>();
        for (String title : List.of("Apricots", "Raisins", "Walnuts", "Gift boxes", "Almonds", "Figs")) {
            shelves.add(collection(budget, title, "").id());
        }
        String media = "tenants/" + budget.tenantId().value() + "/media/";
        for (int i = 0; i < 26; i++) {
            budgetProduct = add(
                    budget,
                    new Product(
                            ProductId.newId(),
                            "Sun-dried Kashgar apricots, grade A, 1 kg bag no. " + i,
                            "Picked by hand in July, dried in the sun for three weeks, packed in the valley. "
                                    .repeat(8),
                            ProductStatus.ACTIVE,
                            twoOptionApricots(budget).options(),
                            skusEndingIn(twoOptionApricots(budget).variants(), i),
                            List.of(
                                    new ProductImage(
                                            media + "aaaaaaaaaaaaaa" + (char) ('a' + i % 26) + "a.jpg",
                                            "A bag of apricots"),
                                    new ProductImage(media + "bbbbbbbbbbbbbbbb.jpg", "Close up"),
                                    new ProductImage(media + "cccccccccccccccc.jpg", "The orchard")),
                            shelves,
                            List.of("apricot", "dried fruit"),
                            "",
                            "",
                            false,
                            Instant.now(),
                            Instant.now()));
        }
        budgetFn = function(budget);
        budgetCdnFn = function(budget, "https://d111111abcdef8.cloudfront.net");
        frontFn = function(front);
        otherFn = function(other);
        manyFn = function(many);
    }

    @AfterAll
    static void stop() throws Exception {
        frontFn.close();
        otherFn.close();
        manyFn.close();
        budgetFn.close();
        budgetCdnFn.close();
        emulators.close();
    }

    /** A shop function for the store, over the emulators. */
    static ShopFunction function(StoreSettings store) {
        return function(store, null);
    }

    /** {@code mediaUrl}: the media CDN's address (dukan.media-url), or null for presigned image URLs. */
    static ShopFunction function(StoreSettings store, String mediaUrl) {
        Map<String, Object> properties = new HashMap<>(emulators.functionProperties());
        properties.put("dukan.tenant-id", store.tenantId().value());
        properties.put("dukan.store-slug", store.slug().value());
        if (mediaUrl != null) {
            properties.put("dukan.media-url", mediaUrl);
        }
        return new ShopFunction(ApplicationContext.builder().properties(properties));
    }

    static Collection collection(StoreSettings store, String title, String description) {
        Collection c = new Collection(CollectionId.newId(), title, description, Instant.now());
        TestCatalog.addCollection(emulators, store.tenantId(), c);
        collectionStore.add(store.tenantId(), c);
        return c;
    }

    static Product add(StoreSettings store, Product product) {
        return TestCatalog.add(emulators, store.tenantId(), product);
    }

    /** Size (500g, 1kg) × Grade (A, B): four prices, 1kg/B sold out, 1kg/A with a "was" price. */
    /** SKUs are unique within a store: the same variants again, with "-{n}" on each SKU. */
    static List<Variant> skusEndingIn(List<Variant> variants, int n) {
        return variants.stream()
                .map(v -> new Variant(
                        VariantId.newId(),
                        v.sku() + "-" + n,
                        v.optionValues(),
                        v.price(),
                        v.compareAtPrice(),
                        v.stock(),
                        v.weightGrams()))
                .toList();
    }

    static Product twoOptionApricots(StoreSettings store) {
        List<Variant> variants = List.of(
                new Variant(
                        VariantId.newId(), "APR-500-A", List.of("500g", "A"), new Money(45000, "PKR"), null, 7, 500),
                new Variant(
                        VariantId.newId(), "APR-500-B", List.of("500g", "B"), new Money(40000, "PKR"), null, 3, 500),
                new Variant(
                        VariantId.newId(),
                        "APR-1KG-A",
                        List.of("1kg", "A"),
                        new Money(85000, "PKR"),
                        new Money(99000, "PKR"),
                        2,
                        1000),
                new Variant(
                        VariantId.newId(), "APR-1KG-B", List.of("1kg", "B"), new Money(76000, "PKR"), null, 0, 1000));
        String media = "tenants/" + store.tenantId().value() + "/media/";
        return new Product(
                ProductId.newId(),
                "Kashgar apricots",
                "Sweet and dry.\nPicked in July.",
                ProductStatus.ACTIVE,
                List.of(
                        new ProductOption("Size", List.of("500g", "1kg")),
                        new ProductOption("Grade", List.of("A", "B"))),
                variants,
                List.of(
                        new ProductImage(media + "aaaaaaaaaaaaaaaa.jpg", "Apricots in a bowl"),
                        new ProductImage(media + "bbbbbbbbbbbbbbbb.jpg", "")),
                List.of(dried.id()),
                List.of("apricot", "summer"),
                "",
                "",
                false,
                Instant.now(),
                Instant.now());
    }

    static APIGatewayProxyResponseEvent call(ShopFunction fn, APIGatewayProxyRequestEvent event) {
        return fn.handleRequest(event, null);
    }

    static String page(ShopFunction fn, String path) {
        APIGatewayProxyResponseEvent response = call(fn, get(path));
        assertThat(response.getStatusCode())
                .as(path + "\n" + response.getBody())
                .isEqualTo(200);
        return response.getBody();
    }

    static APIGatewayProxyRequestEvent withQuery(String path, Map<String, String> query) {
        APIGatewayProxyRequestEvent event = get(path);
        Map<String, List<String>> multi = new HashMap<>();
        query.forEach((k, v) -> multi.put(k, List.of(v)));
        return event.withQueryStringParameters(query).withMultiValueQueryStringParameters(multi);
    }

    static APIGatewayProxyRequestEvent withHeaders(APIGatewayProxyRequestEvent event, Map<String, String> extra) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.putAll(extra);
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        return event.withHeaders(headers).withMultiValueHeaders(multi);
    }

    static List<String> productIds(String html) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("class=\"card\"><a href=\"[^\"]*/products/([a-z2-7]{16})\"")
                .matcher(html);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    static String nextLink(String html) {
        Matcher m = Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(html);
        return m.find() ? m.group(1).replace("&amp;", "&") : null;
    }

    // ---- listings ----

    @Test
    void home_showsActiveProductsAndCollections_neverDraftsOrArchivedOrAnotherStores() {
        String home = page(frontFn, "/s/front/");

        assertThat(productIds(home))
                .contains(
                        apricots.id().value(),
                        hostile.id().value(),
                        soldOut.id().value())
                .doesNotContain(
                        draft.id().value(),
                        archived.id().value(),
                        othersApricots.id().value());
        assertThat(home)
                .contains("href=\"/s/front/collections/" + dried.id().value() + "\">Dried fruit</a>")
                .doesNotContain("Other shelf")
                .doesNotContain("Secret draft");
        assertThat(home).contains("from Rs400.00");
        assertThat(home)
                .containsPattern("Gone walnuts</div><div class=\"price\">Rs450.00</div><div class=\"sold\">Sold out");
    }

    @Test
    void collectionPage_listsItsActiveProducts_only() {
        String shelf = page(frontFn, "/s/front/collections/" + dried.id().value());

        assertThat(shelf).contains("<h1>Dried fruit</h1>").contains("Sun-dried in Kashgar");
        assertThat(productIds(shelf)).containsExactly(apricots.id().value());
    }

    @Test
    void everyListing_pagesByCursor_withoutRepeatsOrGaps() {
        for (String first :
                List.of("/s/many/", "/s/many/collections/" + manyShelf.id().value(), "/s/many/search?q=bulk")) {
            String one = page(manyFn, first);
            String next = nextLink(one);
            assertThat(next).as(first).isNotNull().contains("after=");
            APIGatewayProxyRequestEvent event = get(next);
            if (next.contains("q=bulk")) {
                event = withQuery(
                        next.substring(0, next.indexOf('?')),
                        Map.of("q", "bulk", "after", next.substring(next.indexOf("after=") + 6)));
            }
            APIGatewayProxyResponseEvent twoResponse = call(manyFn, event);
            assertThat(twoResponse.getStatusCode()).as(next).isEqualTo(200);
            String two = twoResponse.getBody();

            Set<String> all = new HashSet<>(productIds(one));
            all.addAll(productIds(two));
            assertThat(productIds(one)).as(first).hasSize(StorefrontController.PAGE_SIZE);
            assertThat(productIds(two)).as(first).hasSize(30 - StorefrontController.PAGE_SIZE);
            assertThat(all).as(first).hasSize(30);
            assertThat(nextLink(two)).as(first).isNull();
        }
    }

    @Test
    void aForgedCursor_isABadRequest_notAServerError() {
        APIGatewayProxyResponseEvent response = call(frontFn, withQuery("/s/front/", Map.of("after", "#x'")));
        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("page link is not valid");
    }

    // ---- search ----

    @Test
    void search_findsByTitleWordTagAndSku_caseInsensitively() {
        assertThat(productIds(page(frontFn, "/s/front/search?q=Apricots")))
                .containsExactly(apricots.id().value());
        assertThat(productIds(page(frontFn, "/s/front/search?q=summer")))
                .containsExactly(apricots.id().value());
        assertThat(productIds(page(frontFn, "/s/front/search?q=apr-1kg-b")))
                .containsExactly(apricots.id().value());
        assertThat(productIds(page(frontFn, "/s/front/search?q=host")))
                .containsExactly(hostile.id().value());
    }

    @Test
    void search_neverShowsDraftsOrAnotherStoresProducts() {
        String results = page(frontFn, "/s/front/search?q=apricot");

        assertThat(productIds(results)).containsExactly(apricots.id().value());
        assertThat(results).doesNotContain("Other apricots").doesNotContain("Secret draft");
        assertThat(productIds(page(otherFn, "/s/other/search?q=apricot")))
                .containsExactly(othersApricots.id().value());
    }

    @Test
    void search_ofNothingGarbageOrMarkup_answersAPageThatSaysWhatToType() {
        for (String q : List.of("", "   ", "%%%", "<i>nothing</i>", "x".repeat(5000), "\t\t")) {
            APIGatewayProxyResponseEvent response = call(frontFn, withQuery("/s/front/search", Map.of("q", q)));
            assertThat(response.getStatusCode()).as(q).isEqualTo(200);
            assertThat(response.getBody()).as(q).doesNotContain("<i>nothing").contains("a tag or a SKU");
            assertThat(productIds(response.getBody())).as(q).isEmpty();
        }
        assertThat(call(frontFn, get("/s/front/search")).getStatusCode()).isEqualTo(200);
        assertThat(call(frontFn, withQuery("/s/front/search", Map.of("q", "<script>alert(1)</script>")))
                        .getBody())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    // ---- product page ----

    @Test
    void productPage_offersEachVariant_withItsPriceStockAndWasPrice_soldOutOnesCannotBeChosen() {
        // one choice per option (Size, Grade), each a link to the variant it leads to: no JavaScript needed
        String base = "/s/front/products/" + apricots.id().value();
        List<Variant> v = apricots.variants();
        String html = page(frontFn, base);

        assertThat(html)
                .contains("<legend>Size</legend>")
                .contains("<legend>Grade</legend>")
                .contains("<input type=\"hidden\" name=\"variantId\" value=\""
                        + v.get(0).id().value() + "\">")
                .contains("<span class=\"opt on\" aria-current=\"true\">500g</span>")
                .contains("<span class=\"opt on\" aria-current=\"true\">A</span>")
                .contains("<a class=\"opt\" href=\"" + base + "?variant="
                        + v.get(2).id().value() + "\" rel=\"nofollow\">1kg</a>")
                .contains("<a class=\"opt\" href=\"" + base + "?variant="
                        + v.get(1).id().value() + "\" rel=\"nofollow\">B</a>")
                .contains("<span id=\"price\">Rs450.00</span> <s id=\"was\"></s>")
                .contains("<p id=\"stock\" class=\"muted\">7 in stock</p>");
        assertThat(html).contains("<span id=\"price\">Rs450.00</span>").contains("/assets/shop.js?v=");

        // each variant, once chosen, shows its own price, was-price and stock, and is the one added to the cart
        Map<Variant, String> headline = Map.of(
                v.get(0), "<span id=\"price\">Rs450.00</span> <s id=\"was\"></s>",
                v.get(1), "<span id=\"price\">Rs400.00</span> <s id=\"was\"></s>",
                v.get(2), "<span id=\"price\">Rs850.00</span> <s id=\"was\">Rs990.00</s>",
                v.get(3), "<span id=\"price\">Rs760.00</span> <s id=\"was\"></s>");
        // (another test here buys 2 of the 3 500g / B, before or after this one)
        Map<Variant, String> stock = Map.of(
                v.get(0), "<p id=\"stock\" class=\"muted\">7 in stock</p>",
                v.get(1), "<p id=\"stock\" class=\"muted\">[13] in stock</p>",
                v.get(2), "<p id=\"stock\" class=\"muted\">2 in stock</p>",
                v.get(3), "<p id=\"stock\" class=\"sold\">Sold out</p>");
        for (Variant each : v) {
            String chosen = page(frontFn, base + "?variant=" + each.id().value());
            assertThat(chosen)
                    .as(each.sku())
                    .contains("<input type=\"hidden\" name=\"variantId\" value=\""
                            + each.id().value() + "\">")
                    .contains(headline.get(each))
                    .containsPattern(stock.get(each));
        }

        // with 1kg chosen, grade B (sold out) is shown struck through, not as a link; its own page cannot add it
        String big = page(frontFn, base + "?variant=" + v.get(2).id().value());
        assertThat(big)
                .containsPattern(
                        "<span class=\"opt off\" aria-disabled=\"true\"><s>B</s><span class=\"vh\"> \\(sold out\\)</span></span>")
                .doesNotContain("?variant=" + v.get(3).id().value());
        assertThat(page(frontFn, base + "?variant=" + v.get(3).id().value()))
                .contains("<button type=\"submit\" disabled>Add to cart</button>");
        assertThat(page(frontFn, base + "?variant=" + v.get(0).id().value()))
                .contains("<button type=\"submit\">Add to cart</button>");
        assertThat(html)
                .contains("alt=\"Apricots in a bowl\"")
                .contains("bbbbbbbbbbbbbbbb-960.jpg")
                .doesNotContain("bbbbbbbbbbbbbbbb.jpg");
    }

    @Test
    void productPage_showsTheVariantAskedFor_inItsHeadline() {
        Variant big = apricots.variants().get(2);
        String html = page(
                frontFn,
                "/s/front/products/" + apricots.id().value() + "?variant="
                        + big.id().value());

        assertThat(html)
                .contains("<span id=\"price\">Rs850.00</span> <s id=\"was\">Rs990.00</s>")
                .contains("<p id=\"stock\" class=\"muted\">2 in stock</p>");
    }

    @Test
    void soldOutProducts_sayTheyAreSoldOut_andOfferNoForm_unlessTheOwnerKeepsSelling() {
        String gone = page(frontFn, "/s/front/products/" + soldOut.id().value());
        String toOrder = page(frontFn, "/s/front/products/" + madeToOrder.id().value());

        assertThat(gone).contains("<p id=\"stock\" class=\"sold\">Sold out</p>").doesNotContain("<form id=\"buy\"");
        assertThat(toOrder)
                .contains("Available to order")
                .contains("<form id=\"buy\"")
                .doesNotContain("Sold out");
    }

    @Test
    void draftArchivedAndAnotherStoresProducts_areNotFound() {
        for (String id : List.of(
                draft.id().value(),
                archived.id().value(),
                othersApricots.id().value(),
                "zzzzzzzzzzzzzzzz",
                "not-an-id")) {
            APIGatewayProxyResponseEvent response = call(frontFn, get("/s/front/products/" + id));
            assertThat(response.getStatusCode()).as(id).isEqualTo(404);
            assertThat(response.getBody()).doesNotContain("apricots").doesNotContain("Other");
        }
    }

    @Test
    void anotherStoresCollection_isNotFound_andItsProductsNeverShow() {
        APIGatewayProxyResponseEvent response =
                call(frontFn, get("/s/front/collections/" + othersShelf.id().value()));

        assertThat(response.getStatusCode()).isEqualTo(404);
        assertThat(response.getBody()).doesNotContain("Other shelf").doesNotContain("Other apricots");
        assertThat(call(otherFn, get("/s/other/collections/" + dried.id().value()))
                        .getStatusCode())
                .isEqualTo(404);
    }

    @Test
    void theBuyForm_postsTheChosenVariant_andTheOrderTakesThatVariantsPrice() {
        Variant cheap = apricots.variants().get(1);
        // The product page's form adds the chosen variant to the cart; checkout charges that variant's price.
        String cart = Checkouts.newCart(
                frontFn,
                "front",
                apricots.id().value() + "&variantId=" + cheap.id().value(),
                2);
        APIGatewayProxyResponseEvent placed =
                Checkouts.place(frontFn, "front", cart, Checkouts.token(frontFn, "front", cart), Checkouts.DETAILS);
        assertThat(placed.getStatusCode()).as(placed.getBody()).isEqualTo(303);

        String confirmation = page(frontFn, header(placed, "Location").orElseThrow());
        assertThat(confirmation).contains("500g / B").contains("Rs800.00");
        APIGatewayProxyResponseEvent noVariant = call(
                frontFn,
                io.dukan.aws.testing.ProxyEvents.form(
                        "/s/front/cart", "productId=" + apricots.id().value() + "&quantity=1"));
        assertThat(noVariant.getStatusCode()).isEqualTo(400);
        assertThat(noVariant.getBody()).contains("choose one of");
    }

    // ---- SEO ----

    @Test
    void productPage_hasTitleDescriptionCanonicalOpenGraphAndJsonLd() {
        String html = page(frontFn, "/s/front/products/" + apricots.id().value());
        String url = "http://localhost:3000/s/front/products/" + apricots.id().value();

        assertThat(html)
                .contains("<title>Kashgar apricots · Store front</title>")
                .contains("<meta name=\"description\" content=\"Sweet and dry. Picked in July.\">")
                .contains("<link rel=\"canonical\" href=\"" + url + "\">")
                .contains("<meta property=\"og:type\" content=\"product\">")
                .contains("<meta property=\"og:title\" content=\"Kashgar apricots · Store front\">")
                .contains("<meta property=\"og:url\" content=\"" + url + "\">")
                .containsPattern("<meta property=\"og:image\" content=\"" + Pattern.quote(emulators.s3Endpoint())
                        + "[^\"]*aaaaaaaaaaaaaaaa-960.jpg");
        String ld = jsonLd(html);
        assertThat(ld)
                .startsWith("{\"@context\":\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Kashgar apricots\"")
                .contains("\"sku\":\"APR-500-A\"")
                .contains("{\"@type\":\"Offer\",\"sku\":\"APR-1KG-A\",\"name\":\"1kg / A\",\"price\":\"850.00\","
                        + "\"priceCurrency\":\"PKR\",\"availability\":\"https://schema.org/InStock\"")
                .contains("\"sku\":\"APR-1KG-B\",\"name\":\"1kg / B\",\"price\":\"760.00\",\"priceCurrency\":\"PKR\","
                        + "\"availability\":\"https://schema.org/OutOfStock\"");
    }

    @Test
    void canonicalUrls_useTheBrowsersSchemeAndThePathForm_evenOnTheStoresSubdomain() {
        APIGatewayProxyRequestEvent https = withHeaders(
                get("/s/front/collections/" + dried.id().value()),
                Map.of("Host", "shops.example.com", "X-Forwarded-Proto", "https"));
        APIGatewayProxyRequestEvent subdomain = withHeaders(get("/s/front/"), Map.of("Host", "front.localhost:3000"));

        assertThat(call(frontFn, https).getBody())
                .contains("<link rel=\"canonical\" href=\"https://shops.example.com/s/front" + "/collections/"
                        + dried.id().value() + "\">");
        String home = call(frontFn, subdomain).getBody();
        assertThat(home)
                .contains("<link rel=\"canonical\" href=\"http://localhost:3000/s/front/\">")
                .contains("href=\"/collections/" + dried.id().value() + "\"");
    }

    @Test
    void markupInNamesAndDescriptions_isText_andCannotBreakOutOfTheJsonLd() {
        String html = page(frontFn, "/s/front/products/" + hostile.id().value());

        assertThat(html).doesNotContain("<script>alert(").doesNotContain("<b>bold</b>");
        assertThat(html).contains("<h1>&lt;/script&gt;&lt;script&gt;alert('x')&lt;/script&gt;</h1>");
        String ld = jsonLd(html);
        assertThat(ld)
                .doesNotContain("<")
                .contains("\"name\":\"\\u003c/script>\\u003cscript>alert('x')\\u003c/script>\"");
        assertThat(html.split("</script>", -1))
                .as("only the JSON-LD's own closing tag")
                .hasSize(2);
        assertThat(html).contains("<title>&lt;/script&gt;");
        String home = page(frontFn, "/s/front/");
        assertThat(home).doesNotContain("<script>alert(").contains("&lt;/script&gt;&lt;script&gt;alert('x')");
    }

    /** What Googlebot sends. */
    static APIGatewayProxyRequestEvent crawler(String path) {
        return withHeaders(
                get(path),
                Map.of(
                        "Accept",
                        "text/html,application/xhtml+xml,application/signed-exchange;v=b3,application/xml;q=0.9,*/*;q=0.8"));
    }

    static String jsonLd(String html) {
        Matcher m = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>")
                .matcher(html);
        assertThat(m.find()).as(html).isTrue();
        return m.group(1);
    }

    @Test
    void sitemap_listsHomeCollectionsAndActiveProducts_ofThisStoreOnly() {
        APIGatewayProxyResponseEvent response = call(frontFn, crawler("/s/front/sitemap.xml"));
        String xml = response.getBody();

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(xml)
                .startsWith("<?xml")
                .contains("<loc>http://localhost:3000/s/front/</loc>")
                .contains("<loc>http://localhost:3000/s/front/collections/"
                        + dried.id().value() + "</loc>")
                .contains("<loc>http://localhost:3000/s/front/products/"
                        + apricots.id().value() + "</loc>")
                .contains("/products/" + soldOut.id().value())
                .doesNotContain(draft.id().value())
                .doesNotContain(archived.id().value())
                .doesNotContain(othersApricots.id().value())
                .doesNotContain(othersShelf.id().value());
        assertThat(call(manyFn, crawler("/s/many/sitemap.xml")).getBody().split("/products/", -1))
                .hasSize(31);
    }

    @Test
    void robotsTxt_allowsTheStore_keepsCrawlersOutOfAdminAndOrders_andPointsToTheSitemap() {
        APIGatewayProxyResponseEvent path = call(frontFn, crawler("/s/front/robots.txt"));
        APIGatewayProxyResponseEvent subdomain =
                call(frontFn, withHeaders(crawler("/s/front/robots.txt"), Map.of("Host", "front.localhost:3000")));

        assertThat(header(path, "Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(path.getBody())
                .contains("Allow: /s/front/\n")
                .contains("Disallow: /s/front/admin\n")
                .contains("Disallow: /s/front/orders/\n")
                .contains("Sitemap: http://localhost:3000/s/front/sitemap.xml\n");
        assertThat(subdomain.getBody())
                .contains("Allow: /\n")
                .contains("Disallow: /admin\n")
                .contains("Sitemap: http://localhost:3000/s/front/sitemap.xml\n");
    }

    @Test
    void theStylesheet_isTheStoresOwn_cachedForAYear_andAllowedByTheCsp() {
        APIGatewayProxyResponseEvent css =
                call(frontFn, withHeaders(get("/s/front/assets/shop.css"), Map.of("Accept", "text/css,*/*;q=0.1")));
        APIGatewayProxyResponseEvent home = call(frontFn, get("/s/front/"));

        assertThat(css.getStatusCode()).isEqualTo(200);
        assertThat(header(css, "Content-Type").orElseThrow()).startsWith("text/css");
        assertThat(header(css, "Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(home.getBody())
                .contains("<link rel=\"stylesheet\" href=\"/s/front/assets/shop.css?v=" + ShopAssets.CSS_VERSION)
                .doesNotContainPattern("(src|href)=\"https?://(?!localhost:3000)[^\"]*\\.(css|js)");
        assertThat(header(home, "Content-Security-Policy").orElseThrow())
                .contains("style-src 'self'")
                .contains("script-src 'self'");
    }

    // ---- budget ----

    /**
     * Not a timing: a size guard. A full page (24 products with images, collections) stays under 30 KB of HTML, the
     * stylesheet under 15 KB. The figures are printed and written to target/storefront-budget.txt.
     */
    @Test
    void pages_stayWithinTheSizeBudget() throws Exception {
        Map<String, Integer> sizes = new java.util.LinkedHashMap<>();
        String shelf = productIds(page(budgetFn, "/s/budget/")).isEmpty()
                ? null
                : collectionStore.all(budget.tenantId()).get(0).id().value();
        for (ShopFunction fn : new ShopFunction[] {budgetCdnFn, budgetFn}) {
            String images = fn == budgetCdnFn ? ", images from the media CDN" : ", images presigned (no CDN)";
            sizes.put("home (24 products, 6 collections)" + images, bytes(page(fn, "/s/budget/")));
            sizes.put("collection (24 products)" + images, bytes(page(fn, "/s/budget/collections/" + shelf)));
            sizes.put("search (24 results)" + images, bytes(page(fn, "/s/budget/search?q=apricots")));
            sizes.put(
                    "product (4 variants, 3 images, JSON-LD)" + images,
                    bytes(page(fn, "/s/budget/products/" + budgetProduct.id().value())));
        }
        // from the CDN the cards offer phones and wide screens their rendition (srcset) within the budget;
        // presigned, each URL carries a ~400-byte signature, so the cards keep to the 320 px one
        assertThat(page(budgetCdnFn, "/s/budget/"))
                .contains("https://d111111abcdef8.cloudfront.net/tenants/")
                .containsPattern("srcset=\"https://d111111abcdef8\\.cloudfront\\.net/tenants/[^\"]*-320\\.jpg 320w, "
                        + "https://d111111abcdef8\\.cloudfront\\.net/tenants/[^\"]*-960\\.jpg 960w\"")
                .doesNotContain("X-Amz-");
        assertThat(page(budgetFn, "/s/budget/")).contains("X-Amz-").doesNotContain(" 960w");
        sizes.put("shop.css", bytes(ShopAssets.CSS));
        sizes.put("shop.js", bytes(ShopAssets.JS));
        StringBuilder report = new StringBuilder("Storefront page sizes (bytes, uncompressed, before images):\n");
        sizes.forEach((what, size) -> report.append(String.format("  %-80s %,7d%n", what, size)));
        System.out.print(report);
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "storefront-budget.txt"), report);

        assertThat(productIds(page(budgetFn, "/s/budget/"))).hasSize(StorefrontController.PAGE_SIZE);
        sizes.forEach(
                (what, size) -> assertThat(size).as(what).isLessThan(what.startsWith("shop.") ? 15 * 1024 : 30 * 1024));
    }

    static int bytes(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
