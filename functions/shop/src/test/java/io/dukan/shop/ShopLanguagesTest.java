package io.dukan.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.cart.Cart;
import io.dukan.core.cart.CartLine;
import io.dukan.core.cart.PricedCart;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.discount.DiscountRefusal;
import io.dukan.core.discount.DiscountRefusedException;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderDiscount;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.shared.Money;
import io.dukan.core.shipping.ShippingOption;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.OrderTestData;
import io.dukan.core.testing.ProductTestData;
import io.dukan.shop.cart.CartView;
import io.dukan.shop.checkout.CheckoutView;
import io.dukan.shop.discounts.DiscountField;
import io.dukan.shop.discounts.DiscountWords;
import io.dukan.shop.orders.OrderView;
import io.dukan.shop.orders.ShopOrderMessages;
import io.dukan.shop.storefront.Card;
import io.dukan.shop.storefront.ProductView;
import io.dukan.shop.storefront.StorefrontViews;
import io.dukan.shop.storefront.TradeFacts;
import io.dukan.shop.web.ShopErrorPages;
import io.dukan.shop.web.ShopPage;
import io.dukan.shop.web.ShopPages;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.dukan.web.i18n.Plurals;
import io.dukan.web.i18n.StoreLocale;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every shopper page and every order message, rendered in every language from the real templates and tables: no
 * word of the English table on a page in another language (what the owner typed excepted), right to left for Urdu
 * and Arabic, and no language missing a key English has.
 */
class ShopLanguagesTest {

    private static final List<String> BUNDLES = List.of("shop", "mail", "wallets", "borders", "discount", "seller");
    /** What the owner typed in the sample store: excepted from the "no English" check. */
    private static final String STORE = "Qissa Khwani Dry Fruit";

    private static final Pattern PLURAL = Pattern.compile("(.+)\\.(zero|one|two|few|many|other)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyLanguage_hasEveryKeyEnglishHas_withItsPlaceholders_andItsPluralForms() {
        for (String bundle : BUNDLES) {
            Map<String, String> english =
                    Messages.of(Language.EN, List.of(bundle)).own();
            assertThat(english).as(bundle).isNotEmpty();
            for (Language language : Language.all()) {
                Map<String, String> own = Messages.of(language, List.of(bundle)).own();
                List<String> missing = new ArrayList<>();
                for (String key : english.keySet()) {
                    Matcher plural = PLURAL.matcher(key);
                    if (plural.matches()) {
                        for (String form : forms(language)) {
                            if (!own.containsKey(plural.group(1) + "." + form)) {
                                missing.add(plural.group(1) + "." + form);
                            }
                        }
                        continue;
                    }
                    if (!own.containsKey(key)) {
                        missing.add(key);
                    } else if (!placeholders(own.get(key)).equals(placeholders(english.get(key)))) {
                        missing.add(key + " (placeholders " + placeholders(english.get(key)) + ")");
                    }
                }
                Set<String> extra = own.keySet().stream()
                        .filter(k -> !english.containsKey(k)
                                && !(PLURAL.matcher(k).matches() && english.containsKey(base(k) + ".other")))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertThat(new TreeSet<>(missing))
                        .as(bundle + "_" + language.code() + " lacks")
                        .isEmpty();
                assertThat(extra)
                        .as(bundle + "_" + language.code() + " has keys English lacks")
                        .isEmpty();
            }
        }
    }

    @Test
    void everyPageAndMessage_inEveryLanguage_hasNoEnglishFromTheTables_andRunsRightToLeftForUrduAndArabic() {
        List<String> english = englishFragments();
        for (Language language : Language.all()) {
            Map<String, String> pages = everything(language);
            assertThat(pages).hasSizeGreaterThan(25);
            Set<String> ownWords =
                    new LinkedHashSet<>(Messages.of(language, BUNDLES).own().values());
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String what = language.code() + " " + page.getKey();
                String html = page.getValue();
                if (page.getKey().startsWith("page ")) {
                    assertThat(html)
                            .as(what)
                            .contains("<html lang=\"" + language.code() + "\" dir=\""
                                    + (language.rightToLeft() ? "rtl" : "ltr") + "\">")
                            .contains("<meta name=\"description\" content=\"")
                            .contains("<link rel=\"icon\"");
                }
                if (language == Language.EN) {
                    continue;
                }
                String text = readable(html);
                List<String> leaked = english.stream()
                        .filter(fragment ->
                                text.contains(fragment) && ownWords.stream().noneMatch(w -> w.contains(fragment)))
                        .toList();
                assertThat(leaked).as(what + " shows English:\n" + html).isEmpty();
            }
        }
    }

    @Test
    void theEnglishCheck_canFail_anEnglishPageShowsTheTablesWords() {
        List<String> english = englishFragments();
        String cart = everything(Language.EN).get("page cart");
        assertThat(english.stream().filter(readable(cart)::contains)).contains("Your cart", "Subtotal", "Check out");
    }

    @Test
    void countries_areNamedInThePagesLanguage_byTheJdk() {
        assertThat(TradeFacts.countryName("CN", Locale.forLanguageTag("zh"))).isEqualTo("中国");
        assertThat(TradeFacts.countryName("PK", Locale.forLanguageTag("zh"))).isEqualTo("巴基斯坦");
        assertThat(TradeFacts.countryName("CN", Locale.forLanguageTag("ur"))).isEqualTo("چین");
        assertThat(TradeFacts.countryName("PK", Locale.forLanguageTag("ur"))).isEqualTo("پاکستان");
        assertThat(TradeFacts.countryName("CN", Locale.forLanguageTag("ar"))).isEqualTo("الصين");
        assertThat(TradeFacts.countryName("CN", Locale.ENGLISH)).isEqualTo("China");
    }

    @Test
    void languageLinks_andBanner_areInTheLanguagesTheyOffer_withHreflangAlternates() {
        String html = everything(Language.EN).get("page product, trade facts and delivery abroad");

        assertThat(html)
                .contains("<link rel=\"alternate\" hreflang=\"zh\" href=\"/s/zxq/zh/products/x\">")
                .contains("<link rel=\"alternate\" hreflang=\"x-default\"")
                .contains(
                        "<aside class=\"language-banner\" id=\"language-banner\" lang=\"zh\" dir=\"ltr\"><span>本店也有中文版。</span>")
                .contains("<dd id=\"origin\">China</dd>")
                .contains("Import duties and taxes may be charged on delivery to China.");
        assertThat(everything(Language.ZH).get("page product, trade facts and delivery abroad"))
                .contains("lang=\"ur\" dir=\"rtl\"")
                .contains("<dd id=\"origin\">中国</dd>");
    }

    @Test
    void jsonLd_cannotCloseItsScriptElement_whateverTheOwnerTyped() {
        String hostile = "</script><script>alert(1)</script><!--";
        Product p =
                ProductTestData.aProduct().named(hostile).describedAs(hostile).build();
        StoreLocale t = StoreLocale.of("en", "PK", ShopPages.BUNDLES);
        String canonical = "https://shop.example/s/zxq/products/" + p.id().value();
        ShopPage page = page(t).withSeo(new ShopPage.Seo(
                canonical, "product", null, StorefrontViews.productJsonLd(p, List.of(), canonical, hostile), false));
        String html = ShopPages.render(
                "product.jte",
                page,
                "view",
                new ProductView(p, List.of(), p.defaultVariant(), null, Map.of(), "csrf-token"));

        assertThat(html).doesNotContain("<script>alert(1)").doesNotContain("<!--");
        assertThat(Pattern.compile("</script>").matcher(html).results().count()).isEqualTo(1);
        assertThat(html).contains("\\u003c/script>\\u003cscript>alert(1)").contains("&lt;/script&gt;&lt;script&gt;");
    }

    @Test
    void money_andCounts_followTheStoresLocaleAndPluralRules() {
        StoreLocale ur = StoreLocale.of("ur", "PK", ShopPages.BUNDLES);
        StoreLocale ar = StoreLocale.of("ar", "EG", ShopPages.BUNDLES);
        assertThat(ur.money(new Money(170000, "PKR"))).isEqualTo("Rs\u00a01,700.00");
        assertThat(StoreLocale.of("zh", "CN", ShopPages.BUNDLES).money(new Money(3800, "CNY")))
                .isEqualTo("¥38.00");
        assertThat(ur.plural("cart.count", 1)).isEqualTo("1 چیز");
        assertThat(ur.plural("cart.count", 3)).isEqualTo("3 چیزیں");
        assertThat(ar.plural("cart.count", 2)).isEqualTo("منتجان");
        assertThat(ar.plural("cart.count", 5)).isEqualTo("5 منتجات");
        assertThat(ar.plural("cart.count", 11)).isEqualTo("11 منتجًا");
        // the order page's time is the store's (Pakistan: UTC+5), as its language writes it
        String page = everything(Language.UR).get("page order, CARD PAID");
        assertThat(page)
                .contains("<time datetime=\"2026-11-24T10:00:00Z\">")
                .contains(
                        ShopPages.locale(new StoreSettings(TenantId.newId(), new Slug("zxq"), STORE, "PKR", "PK", "ur"))
                                .dateTime(Instant.parse("2026-11-24T10:00:00Z")));
        assertThat(StoreLocale.of("en", "PK", ShopPages.BUNDLES).dateTime(Instant.parse("2026-11-24T10:00:00Z")))
                .contains("3:00");
    }

    // ---- the pages and messages ------------------------------------------------------------------------------

    /** Every shopper page (several states each), every e-mail and the WhatsApp text of one language. */
    static Map<String, String> everything(Language language) {
        StoreSettings store = new StoreSettings(
                TenantId.newId(),
                new Slug("zxq"),
                STORE,
                "PKR",
                "PK",
                language.code(),
                new StoreSettings.StoreContact(
                        "+92 300 0000000", "923000000000", "shop@zxq.example", "Dukan 4, Bazaar", ""));
        StoreLocale t = ShopPages.locale(store);
        ShopPage page = page(t);
        ShopPage seo = page.withSeo(new ShopPage.Seo("https://shop.example/s/zxq/", "website", null, null, false));
        Map<String, String> out = new LinkedHashMap<>();

        Collection shelf = new Collection(CollectionId.newId(), "Kishmish", "Zxq", Instant.now());
        Product apricots = ProductTestData.aProduct()
                .named("Khubani")
                .withOption("Wazan", "Adha", "Poora")
                .withStock(3)
                .build();
        Product single = ProductTestData.aProduct().named("Akhrot").withStock(1).build();
        Product gone = ProductTestData.aProduct().named("Badam").withStock(0).build();
        Product toOrder = ProductTestData.aProduct()
                .named("Chilgoza")
                .withStock(0)
                .sellingWhenSoldOut()
                .build();
        List<Card> cards = List.of(
                new Card(apricots, "https://img.example/a.jpg"),
                new Card(single, null),
                new Card(gone, null),
                new Card(toOrder, null));
        out.put(
                "page home",
                ShopPages.render(
                        "home.jte", seo, "products", cards, "collections", List.of(shelf), "more", "/s/zxq/?after=x"));
        out.put(
                "page home, empty",
                ShopPages.render("home.jte", seo, "products", List.of(), "collections", List.of(), "more", null));
        out.put(
                "page collection",
                ShopPages.render("collection.jte", seo, "collection", shelf, "products", cards, "more", null));
        out.put(
                "page collection, empty",
                ShopPages.render("collection.jte", seo, "collection", shelf, "products", List.of(), "more", null));
        out.put("page search", ShopPages.render("search.jte", seo, "query", "", "products", List.of(), "more", null));
        out.put(
                "page search, found",
                ShopPages.render(
                        "search.jte", seo, "query", "Khubani", "products", cards, "more", "/s/zxq/search?q=x&after=y"));
        out.put(
                "page search, nothing",
                ShopPages.render("search.jte", seo, "query", "Zxq", "products", List.of(), "more", null));
        out.put(
                "page product, variants",
                ShopPages.render(
                        "product.jte",
                        shown(seo),
                        "view",
                        new ProductView(
                                apricots,
                                List.of("https://img.example/a.jpg", "https://img.example/b.jpg"),
                                apricots.defaultVariant(),
                                t.t("invalid.quantity"),
                                Map.of(),
                                "csrf")));
        Locale in = t.locale();
        List<TradeFacts.Country> countries = List.of(
                new TradeFacts.Country("CN", TradeFacts.countryName("CN", in)),
                new TradeFacts.Country("PK", TradeFacts.countryName("PK", in)));
        out.put(
                "page product, trade facts and delivery abroad",
                ShopPages.render(
                        "product.jte",
                        languages(seo, language),
                        "view",
                        new ProductView(single, List.of(), single.defaultVariant(), null, Map.of(), "csrf"),
                        "facts",
                        new TradeFacts.View(
                                TradeFacts.countryName("CN", in),
                                t.t("borders.kg", "1.5"),
                                "081310",
                                "CN",
                                TradeFacts.countryName("CN", in),
                                true,
                                "Zxq air",
                                new Money(250000, "PKR"),
                                true,
                                countries,
                                "/s/zxq/products/x#details")));
        out.put(
                "page product, no delivery",
                ShopPages.render(
                        "product.jte",
                        seo,
                        "view",
                        new ProductView(single, List.of(), single.defaultVariant(), null, Map.of(), "csrf"),
                        "facts",
                        new TradeFacts.View(
                                "",
                                t.t("borders.g", t.number(250)),
                                "",
                                "US",
                                TradeFacts.countryName("US", in),
                                false,
                                "",
                                null,
                                true,
                                countries,
                                "/s/zxq/products/x#details")));
        out.put(
                "page product, one",
                ShopPages.render(
                        "product.jte",
                        seo,
                        "view",
                        new ProductView(single, List.of(), single.defaultVariant(), null, Map.of(), "csrf")));
        out.put(
                "page product, to order",
                ShopPages.render(
                        "product.jte",
                        seo,
                        "view",
                        new ProductView(toOrder, List.of(), toOrder.defaultVariant(), null, Map.of(), "csrf")));
        out.put(
                "page product, sold out",
                ShopPages.render(
                        "product.jte",
                        seo,
                        "view",
                        new ProductView(gone, List.of(), gone.defaultVariant(), null, Map.of(), "csrf")));

        PricedCart cart = new PricedCart(
                new Cart("c", List.of()),
                List.of(
                        new PricedCart.Line(apricots, apricots.defaultVariant(), 5),
                        new PricedCart.Line(single, single.defaultVariant(), 1)),
                List.of(new CartLine(ProductId.newId(), VariantId.newId(), 2)),
                new Money(250000, "PKR"),
                1500);
        PricedCart empty = new PricedCart(new Cart("c", List.of()), List.of(), List.of(), new Money(0, "PKR"), 0);
        out.put(
                "page cart",
                ShopPages.render(
                        "cart.jte",
                        shown(page),
                        "view",
                        new CartView(cart, t.t("conflict.stock"), "csrf", "PKR", new Money(50000, "PKR"))));
        out.put(
                "page cart, empty",
                ShopPages.render("cart.jte", page, "view", new CartView(empty, null, "csrf", "PKR")));

        PaymentSettings payments = new PaymentSettings(
                true, true, new PaymentSettings.BankTransferDetails("Zxq", "Zxq Bk", "PK00ZXQ", "Zxq"));
        List<ShippingOption> options = List.of(
                new ShippingOption("standard", "Standard delivery", new Money(0, "PKR")),
                new ShippingOption("r2", "TCS", new Money(25000, "PKR")));
        out.put(
                "page checkout",
                ShopPages.render(
                        "checkout.jte",
                        shown(page),
                        "view",
                        new CheckoutView(
                                cart,
                                Map.of("name", "Zxq"),
                                List.of("PK", "AE", "CN"),
                                "PK",
                                options,
                                null,
                                List.of(PaymentMethod.values()),
                                payments,
                                "PKR",
                                "token",
                                "csrf",
                                t.t("invalid.phone"),
                                DiscountField.NONE)));
        out.put(
                "page checkout, no delivery",
                ShopPages.render(
                        "checkout.jte",
                        page,
                        "view",
                        new CheckoutView(
                                cart,
                                Map.of(),
                                List.of("PK"),
                                "PK",
                                null,
                                t.t("checkout.noDelivery"),
                                List.of(PaymentMethod.CASH_ON_DELIVERY),
                                PaymentSettings.DEFAULT,
                                "PKR",
                                "token",
                                "csrf",
                                null,
                                DiscountField.NONE)));

        OrderDiscount eid = new OrderDiscount("EID10", new Money(25000, "PKR"), false);
        OrderDiscount freeShip = new OrderDiscount("FREESHIP", new Money(25000, "PKR"), true);
        out.put(
                "page checkout, code applied",
                checkout(page, cart, options, payments, new DiscountField("eid10", eid, null), null));
        out.put(
                "page checkout, free delivery code",
                checkout(shown(page), cart, options, payments, new DiscountField("zxq5", freeShip, null), null));
        for (DiscountRefusal reason : DiscountRefusal.values()) {
            String why = DiscountWords.refusal(t, new DiscountRefusedException(reason, new Money(500000, "PKR")));
            out.put(
                    "page checkout, code refused " + reason,
                    checkout(page, cart, options, payments, new DiscountField("zxq", null, why), null));
            out.put(
                    "page checkout, order refused " + reason,
                    checkout(
                            page,
                            cart,
                            options,
                            payments,
                            new DiscountField("zxq", null, null),
                            why + " " + t.t("discount.notPlaced")));
        }
        Order discounted = withDiscount(
                order(PaymentMethod.CASH_ON_DELIVERY, PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED, ""), eid);
        Order freeDelivered = withDiscount(
                order(PaymentMethod.BANK_TRANSFER, PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED, ""), freeShip);
        out.put(
                "page order, discount",
                ShopPages.render(
                        "order.jte", page, "view", new OrderView(discounted, null, false, false, null, "csrf")));
        out.put(
                "page order, free delivery",
                ShopPages.render(
                        "order.jte", page, "view", new OrderView(freeDelivered, "Zxq", false, false, null, "csrf")));
        out.put(
                "mail confirmation, discount",
                mail(ShopOrderMessages.INSTANCE.confirmation(store, discounted, "https://x")));
        out.put(
                "mail owner alert, discount",
                mail(ShopOrderMessages.INSTANCE.ownerAlert(store, freeDelivered, "owner@zxq.example", "https://x")));
        out.put("whatsapp, discount", ShopOrderMessages.INSTANCE.whatsAppText(store, discounted, "https://x"));

        for (PaymentMethod method : PaymentMethod.values()) {
            for (PaymentStatus payment : PaymentStatus.values()) {
                Order o = order(method, payment, FulfilmentStatus.UNFULFILLED, "");
                out.put(
                        "page order, " + method + " " + payment,
                        ShopPages.render(
                                "order.jte",
                                page,
                                "view",
                                new OrderView(
                                        o,
                                        "Zxq",
                                        method == PaymentMethod.CARD,
                                        true,
                                        "https://wa.me/923000000000?text=x",
                                        "csrf")));
            }
        }
        for (PaymentMethod method : List.of(PaymentMethod.JAZZCASH, PaymentMethod.EASYPAISA, PaymentMethod.ALIPAY)) {
            String name = t.t("method." + method.name());
            for (String result : new String[] {"PAID", "PENDING", "CANCELLED", "FAILED", null}) {
                Order o = order(method, PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED, "");
                out.put(
                        "page order, " + method + " back " + result,
                        ShopPages.render(
                                "order.jte",
                                page,
                                "view",
                                new OrderView(
                                        o,
                                        null,
                                        false,
                                        false,
                                        null,
                                        "csrf",
                                        new OrderView.Wallet(name, true, "DKZXQ", result, "121"))));
            }
            out.put(
                    "page wallet, " + method,
                    ShopPages.render(
                            "wallet.jte",
                            page,
                            "view",
                            new io.dukan.shop.payments.WalletView(
                                    name,
                                    "zxq",
                                    new io.dukan.core.payment.WalletProvider.HostedPayment(
                                            "POST", "https://zxq.example/pay", Map.of("pp_Amount", "100")))));
        }
        for (FulfilmentStatus fulfilment : FulfilmentStatus.values()) {
            Order o = order(PaymentMethod.CASH_ON_DELIVERY, PaymentStatus.PAID, fulfilment, "TRK-1");
            out.put(
                    "page order, " + fulfilment,
                    ShopPages.render("order.jte", page, "view", new OrderView(o, null, false, false, null, "csrf")));
        }
        for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 502, 503}) {
            out.put(
                    "page error " + status,
                    ShopErrorPages.page(
                            t, STORE, "/s/zxq", null, status, "Not found", "There is nothing at this address."));
        }
        out.put(
                "page sign-in",
                ShopPages.render(
                        "signin.jte", page, "error", t.t("signin.failed"), "email", "a@zxq.example", "csrf", "csrf"));
        out.put(
                "page forgot",
                ShopPages.render("forgot.jte", page, "error", t.t("invalid.email"), "email", "", "csrf", "csrf"));
        out.put("page reset sent", ShopPages.render("reset-sent.jte", page));
        out.put(
                "page reset",
                ShopPages.render(
                        "reset.jte",
                        page,
                        "email",
                        "a@zxq.example",
                        "token",
                        "tok",
                        "error",
                        t.t("reset.tooShort", 10),
                        "csrf",
                        "csrf"));
        out.put("page reset done", ShopPages.render("reset-done.jte", page));

        for (PaymentMethod method : PaymentMethod.values()) {
            Order o = order(method, PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED, "TRK-1");
            out.put(
                    "mail confirmation " + method,
                    mail(ShopOrderMessages.INSTANCE.confirmation(store, o, "https://shop.example/o")));
            out.put(
                    "mail owner alert " + method,
                    mail(ShopOrderMessages.INSTANCE.ownerAlert(
                            store, o, "owner@zxq.example", "https://shop.example/a")));
        }
        Order shipped = order(PaymentMethod.CARD, PaymentStatus.PAID, FulfilmentStatus.SHIPPED, "TRK-1");
        out.put("mail confirmation, paid", mail(ShopOrderMessages.INSTANCE.confirmation(store, shipped, "https://x")));
        out.put("mail shipped", mail(ShopOrderMessages.INSTANCE.shippedNote(store, shipped, "https://x")));
        out.put("whatsapp", ShopOrderMessages.INSTANCE.whatsAppText(store, shipped, "https://x"));
        return out;
    }

    private static ShopPage page(StoreLocale t) {
        return new ShopPage(
                t,
                STORE,
                "/s/zxq",
                "Zxq · " + STORE,
                t.t("page.description", STORE),
                null,
                null,
                null,
                new ShopPage.CurrencySwitch("/cart", List.of("USD", "AED"), "USD", "csrf"),
                new StoreSettings.StoreContact("+92 300 0000000", "923000000000", "shop@zxq.example", "Dukan 4", ""),
                null,
                7);
    }

    /** The page with its language links and the banner offering another of the store's languages (in its own words). */
    private static ShopPage languages(ShopPage p, Language language) {
        String offered = language == Language.ZH ? "ur" : "zh";
        StoreLocale o = StoreLocale.of(offered, "PK", ShopPages.BUNDLES);
        List<ShopPage.Link> links = List.of(
                new ShopPage.Link(language.code(), language.nativeName(), "/s/zxq/products/x"),
                new ShopPage.Link(
                        offered, Language.orEnglish(offered).nativeName(), "/s/zxq/" + offered + "/products/x"));
        return new ShopPage(
                p.t(),
                p.storeName(),
                p.base(),
                p.title(),
                p.description(),
                p.seo(),
                p.logoUrl(),
                p.shown(),
                p.currency(),
                p.contact(),
                new ShopPage.Languages(
                        language.code(),
                        links,
                        "https://shop.example/s/zxq/products/x",
                        links,
                        new ShopPage.Banner(
                                offered,
                                o.dir(),
                                o.t(
                                        "borders.banner",
                                        Language.orEnglish(offered).nativeName()),
                                o.t("borders.banner.go"),
                                "/s/zxq/" + offered + "/products/x",
                                o.t("borders.banner.dismiss"),
                                "/s/zxq/language-banner?back=x")),
                p.cartCount());
    }

    private static ShopPage shown(ShopPage p) {
        return new ShopPage(
                p.t(),
                p.storeName(),
                p.base(),
                p.title(),
                p.description(),
                p.seo(),
                p.logoUrl(),
                new DisplayRate("USD", new BigDecimal("0.0036")),
                p.currency(),
                p.contact(),
                p.languages(),
                p.cartCount());
    }

    private static Order order(
            PaymentMethod method, PaymentStatus payment, FulfilmentStatus fulfilment, String tracking) {
        Order o = OrderTestData.anOrder(method, payment, fulfilment, "Zxq", "zxq@zxq.example");
        return new Order(
                o.number(),
                o.code(),
                o.lines(),
                o.subtotal(),
                o.shipping(),
                o.total(),
                o.contact(),
                o.address(),
                "Standard delivery",
                "Zxq",
                o.paymentMethod(),
                o.paymentStatus(),
                o.fulfilmentStatus(),
                tracking,
                o.displayed(),
                o.history(),
                o.placedAt(),
                o.version());
    }

    private static String checkout(
            ShopPage page,
            PricedCart cart,
            List<ShippingOption> options,
            PaymentSettings payments,
            DiscountField code,
            String error) {
        return ShopPages.render(
                "checkout.jte",
                page,
                "view",
                new CheckoutView(
                        cart,
                        Map.of("name", "Zxq", "shipping", "r2", "discountCode", code.typed()),
                        List.of("PK"),
                        "PK",
                        options,
                        null,
                        List.of(PaymentMethod.CASH_ON_DELIVERY),
                        payments,
                        "PKR",
                        "token",
                        "csrf",
                        error,
                        code));
    }

    /** The order as placed with the code: its total less the amount. */
    static Order withDiscount(Order o, OrderDiscount d) {
        return new Order(
                o.number(),
                o.code(),
                o.lines(),
                o.subtotal(),
                o.shipping(),
                Order.total(o.subtotal(), o.shipping(), d),
                o.contact(),
                o.address(),
                o.shippingMethod(),
                o.notes(),
                o.paymentMethod(),
                o.paymentStatus(),
                o.fulfilmentStatus(),
                o.trackingNumber(),
                o.displayed(),
                o.history(),
                o.placedAt(),
                o.version(),
                d);
    }

    private static String mail(EmailMessage m) {
        return m.subject() + "\n" + m.text();
    }

    // ---- what counts as English ---------------------------------------------------------------------------------

    /** The literal parts (between placeholders) of every English message, four letters or more. */
    static List<String> englishFragments() {
        Set<String> fragments = new LinkedHashSet<>();
        for (String text : Messages.of(Language.EN, BUNDLES).own().values()) {
            for (String part : PLACEHOLDER.split(text)) {
                String f = part.strip().replaceAll("^[\\p{Punct}“”‘’«»·—–\\s]+|[\\p{Punct}“”‘’«»·—–\\s]+$", "");
                if (f.codePoints().filter(Character::isLetter).count() >= 4) {
                    fragments.add(f);
                }
            }
        }
        return List.copyOf(fragments);
    }

    /** The page as a reader meets it: markup kept (attributes are read too), entities decoded, JSON-LD and owner text out. */
    static String readable(String html) {
        return html.replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "")
                .replace("&#39;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace(STORE, "");
    }

    private static Set<String> placeholders(String text) {
        return PLACEHOLDER
                .matcher(text)
                .results()
                .map(java.util.regex.MatchResult::group)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String base(String pluralKey) {
        Matcher m = PLURAL.matcher(pluralKey);
        return m.matches() ? m.group(1) : pluralKey;
    }

    /** The CLDR categories a language's integers use (other always). */
    private static Set<String> forms(Language language) {
        Set<String> forms = new TreeSet<>();
        for (long n = 0; n <= 1_000_200; n = n < 300 ? n + 1 : n * 10 + 1) {
            forms.add(Plurals.of(language, n).key());
        }
        forms.add(Plurals.of(language, 1_000_000).key());
        return forms;
    }
}
