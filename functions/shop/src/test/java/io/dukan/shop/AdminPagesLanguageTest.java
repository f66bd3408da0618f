package io.dukan.shop;

import static org.assertj.core.api.Assertions.assertThat;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.account.Invite;
import io.dukan.core.account.PermissionDeniedException;
import io.dukan.core.account.Role;
import io.dukan.core.account.Session;
import io.dukan.core.account.TeamMember;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Collection;
import io.dukan.core.catalog.CollectionId;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductCsv;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.discount.Discount;
import io.dukan.core.discount.DiscountKind;
import io.dukan.core.notify.AccountMails;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderAction;
import io.dukan.core.order.OrderAdminService;
import io.dukan.core.order.OrderDiscount;
import io.dukan.core.order.OrderEvent;
import io.dukan.core.order.OrderFilter;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Page;
import io.dukan.core.shipping.ShippingRate;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.ShippingZone;
import io.dukan.core.shipping.WeightBand;
import io.dukan.core.tenant.SetupFlags;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import io.dukan.core.testing.OrderTestData;
import io.dukan.core.testing.ProductTestData;
import io.dukan.shop.catalog.ProductAdminViews;
import io.dukan.shop.catalog.ProductForm;
import io.dukan.shop.checkout.CurrenciesAdminViews;
import io.dukan.shop.discounts.DiscountAdminViews;
import io.dukan.shop.orders.OrderAdminViews;
import io.dukan.shop.payments.PaymentsViews;
import io.dukan.shop.settings.SettingsViews;
import io.dukan.shop.setup.SetupGuide;
import io.dukan.shop.shipping.ShippingAdminViews;
import io.dukan.shop.staff.AccountMailTemplates;
import io.dukan.shop.staff.DashboardViews;
import io.dukan.shop.staff.DashboardViews.Dashboard;
import io.dukan.shop.staff.StaffViews;
import io.dukan.shop.web.AdminErrorPages;
import io.dukan.shop.web.AdminPages;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every admin page and both account e-mails, rendered in every language: a non-English page must not show a phrase
 * of the English admin tables (what the owner typed, and words the language's own table also uses — "Stripe",
 * "IBAN" — excepted), every page says its language and direction, and every language has every key English has
 * (a missing key would also fail the rendering here).
 */
class AdminPagesLanguageTest {

    private static final List<String> BUNDLES =
            List.of("admin", "accountmail", "wallets", "discount", "seller", "figures", "close", "lowstock");
    private static final String BASE = "/s/kashgar";
    private static final String CSRF = "aaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final TenantId TENANT = new TenantId("aaaaaaaaaaaaaaaa");
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguage_hasEveryKeyEnglishHas(Language language) {
        for (String bundle : BUNDLES) {
            Messages english = Messages.of(Language.EN, List.of(bundle));
            Messages own = Messages.of(language, List.of(bundle));
            Set<String> missing = new TreeSet<>(english.keys());
            missing.removeAll(own.keys());
            assertThat(missing).as("keys of %s_%s", bundle, language.code()).isEmpty();
            for (String key : own.keys()) {
                assertThat(english.has(key) || key.matches(".*\\.(zero|one|two|few|many|other)$"))
                        .as("%s_%s has %s, which English lacks", bundle, language.code(), key)
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyAdminPage_isInTheStoresLanguage_andDirection(Language language) {
        Map<String, String> pages = pages(settings(language));
        assertThat(pages).hasSizeGreaterThan(20);
        dump(language, pages);
        pages.forEach((name, html) -> {
            assertThat(html)
                    .as(name)
                    .startsWith("<!doctype html>")
                    .contains("<html lang=\"" + language.code() + "\" dir=\"" + language.dir() + "\">")
                    .contains("<link rel=\"icon\"")
                    .contains("<meta name=\"description\" content=\"");
        });
        if (language == Language.EN) {
            return;
        }
        List<String> phrases = englishPhrases(language);
        pages.forEach((name, html) -> {
            String shown = readable(html);
            for (String phrase : phrases) {
                assertThat(shown)
                        .as("%s in %s shows the English '%s'", name, language.code(), phrase)
                        .doesNotContain(phrase);
            }
        });
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void accountMails_areInTheStoresLanguage_withTheirLinks(Language language) {
        AccountMails mails = AccountMailTemplates.of(settings(language));
        AccountMails.Text invitation = mails.invitation(
                "owner@kashgar.example",
                "Kashgar & Sons",
                "https://x.example/s/kashgar/admin/invite/abc",
                Duration.ofDays(7));
        AccountMails.Text reset = mails.passwordReset(
                "bilal@example.com",
                "Kashgar & Sons",
                "https://x.example/s/kashgar/admin/reset/abc",
                Duration.ofHours(1));
        assertThat(invitation.body())
                .contains("https://x.example/s/kashgar/admin/invite/abc")
                .contains("Kashgar & Sons")
                .contains("owner@kashgar.example")
                .doesNotContain("&amp;");
        assertThat(invitation.subject()).contains("Kashgar & Sons");
        assertThat(reset.body())
                .contains("https://x.example/s/kashgar/admin/reset/abc")
                .contains("bilal@example.com")
                .contains("60");
        if (language == Language.EN) {
            assertThat(invitation.subject()).isEqualTo("You are invited to help run Kashgar & Sons");
            assertThat(invitation.body()).contains("within 7 days");
            return;
        }
        for (String phrase : englishPhrases(language)) {
            for (String mail : List.of(invitation.subject(), invitation.body(), reset.subject(), reset.body())) {
                String text = mail.replaceAll("https?://\\S+", " "); // a link is an address, not words
                assertThat(text)
                        .as("mail in %s shows the English '%s'", language.code(), phrase)
                        .doesNotContain(phrase);
            }
        }
    }

    @Test
    void arabic_countsUseTheirOwnPluralForm() {
        var t = AdminPages.locale(settings(Language.AR));
        assertThat(t.plural("staff.pending", 2, t.number(2))).isEqualTo("دعوتان بانتظار القبول.");
        assertThat(t.plural("staff.pending", 5, t.number(5))).contains("دعوات");
        assertThat(t.plural("staff.pending", 11, t.number(11))).contains("دعوة");
    }

    @Test
    void urdu_orderHistoryAndAudit_areTranslated_whileTypedNamesStay() {
        var t = AdminPages.locale(settings(Language.UR));
        assertThat(AdminPages.history(t, new OrderEvent(AT, "owner@x.example", "marked it shipped, tracking TCS 1")))
                .isEqualTo("نے اسے بھیجا ہوا درج کیا، ٹریکنگ TCS 1");
        assertThat(AdminPages.history(t, new OrderEvent(AT, "stripe", "stripe event evt_1 (paid)")))
                .isEqualTo("stripe event evt_1 (paid)");
        assertThat(AdminPages.auditAction(t, new AuditEntry(AT, "a@x.example", "added product", "Figs")))
                .isEqualTo("نے پروڈکٹ شامل کی");
        assertThat(AdminPages.auditSubject(t, new AuditEntry(AT, "a@x.example", "added product", "Figs")))
                .isEqualTo("Figs");
    }

    // The pages

    static StoreSettings settings(Language language) {
        return new StoreSettings(
                TENANT,
                new Slug("kashgar"),
                "Kashgar Bazaar Traders",
                "PKR",
                "PK",
                language.code(),
                new StoreSettings.StoreContact(
                        "+92 300 1234567", "923001234567", "shop@kashgar.example", "Shop 4, Kashgar Bazaar", ""));
    }

    static Map<String, String> pages(StoreSettings s) {
        Map<String, String> pages = new LinkedHashMap<>();
        Product simple = ProductTestData.aProduct().named("Dried apricots").build();
        Product options = ProductTestData.aProduct()
                .named("Kashmiri shawl")
                .withOption("Size", "S", "M")
                .build();
        Collection weddings = new Collection(new CollectionId("aaaaaaaaaaaaaaab"), "Shadi", "", AT);
        Order cod = OrderTestData.anOrder(PaymentStatus.PENDING, FulfilmentStatus.UNFULFILLED);
        Order paid = OrderAdminService.apply(
                cod, OrderAction.MARK_PAID, null, new OrderEvent(AT, "owner@kashgar.example", "marked it paid"));
        Order shipped = OrderAdminService.apply(
                paid,
                OrderAction.MARK_SHIPPED,
                "TCS 778899",
                new OrderEvent(AT, "owner@kashgar.example", "marked it shipped, tracking TCS 778899"));
        Order card = OrderTestData.anOrder(
                PaymentMethod.CARD, PaymentStatus.FAILED, FulfilmentStatus.CANCELLED, "Ayesha", "");
        List<AuditEntry> activity = new ArrayList<>();
        for (String action : List.of(
                "added product",
                "edited product",
                "set product active",
                "set product draft",
                "set product archived",
                "deleted product",
                "added collection",
                "edited collection",
                "deleted collection",
                "changed settings",
                "signed in",
                "signed out",
                "invited staff",
                "withdrew the invitation of",
                "removed staff member",
                "asked for a password reset")) {
            activity.add(new AuditEntry(AT, "owner@kashgar.example", action, "Shadi"));
        }
        activity.add(new AuditEntry(AT, "owner@kashgar.example", "imported products", "12 products"));
        activity.add(
                new AuditEntry(AT, "bilal@kashgar.example", "joined the staff", "invited by owner@kashgar.example"));
        activity.add(new AuditEntry(AT, "bilal@kashgar.example", "reset the password", "all sessions ended"));

        pages.put(
                "dashboard",
                DashboardViews.dashboard(
                        s,
                        BASE,
                        CSRF,
                        new Dashboard(List.of(cod, paid, card), List.of(simple, options), activity, true, null, null)));
        pages.put(
                "dashboard-empty",
                DashboardViews.dashboard(
                        s, BASE, CSRF, new Dashboard(List.of(), List.of(), List.of(), false, null, null)));
        pages.put(
                "dashboard-setup",
                DashboardViews.dashboard(
                        s,
                        BASE,
                        CSRF,
                        new Dashboard(
                                List.of(),
                                List.of(simple),
                                List.of(),
                                true,
                                SetupGuide.of(
                                        s,
                                        List.of(simple),
                                        List.of(),
                                        true,
                                        false,
                                        SetupFlags.NONE,
                                        "https://x.example/s/kashgar",
                                        AdminPages.locale(s).t("setup.shareText", s.name())),
                                null)));
        pages.put(
                "dashboard-setup-dismissed",
                DashboardViews.dashboard(
                        s,
                        BASE,
                        CSRF,
                        new Dashboard(
                                List.of(),
                                List.of(),
                                List.of(),
                                true,
                                SetupGuide.of(
                                        s,
                                        List.of(),
                                        List.of(),
                                        false,
                                        false,
                                        new SetupFlags(false, true),
                                        "https://x.example/s/kashgar",
                                        "x"),
                                null)));
        pages.put(
                "dashboard-figures",
                DashboardViews.dashboard(
                        s,
                        BASE,
                        CSRF,
                        new Dashboard(
                                List.of(cod, paid, card),
                                List.of(simple, options),
                                activity,
                                true,
                                null,
                                FiguresSamples.figures(s.currency()))));
        pages.put(
                "dashboard-figures-none",
                DashboardViews.dashboard(
                        s,
                        BASE,
                        CSRF,
                        new Dashboard(
                                List.of(), List.of(), List.of(), false, null, FiguresSamples.none(s.currency()))));
        pages.put("products", ProductAdminViews.list(s, BASE, null, List.of(simple, options), "next", Map.of(), CSRF));
        pages.put("products-empty", ProductAdminViews.list(s, BASE, simple.status(), List.of(), null, Map.of(), CSRF));
        pages.put(
                "editor-new",
                ProductAdminViews.editor(s, BASE, null, ProductForm.blank(), List.of(), Map.of(), null, CSRF));
        pages.put(
                "editor-options",
                ProductAdminViews.editor(
                        s,
                        BASE,
                        options.id().value(),
                        ProductForm.of(options),
                        List.of(weddings),
                        Map.of(),
                        "x",
                        CSRF));
        pages.put("collections", ProductAdminViews.collections(s, BASE, List.of(weddings), null, CSRF));
        pages.put("collections-empty", ProductAdminViews.collections(s, BASE, List.of(), null, CSRF));
        pages.put("import", ProductAdminViews.importPage(s, BASE, null, null, CSRF));
        pages.put(
                "import-ok",
                ProductAdminViews.importPage(s, BASE, new CatalogService.ImportResult(3, 4, List.of()), null, CSRF));
        pages.put(
                "import-errors",
                ProductAdminViews.importPage(
                        s,
                        BASE,
                        new CatalogService.ImportResult(
                                0,
                                4,
                                List.of(new ProductCsv.Error(3, "Price", "x"), new ProductCsv.Error(4, null, "x"))),
                        null,
                        CSRF));
        for (OrderFilter tab : OrderFilter.values()) {
            pages.put(
                    "orders-" + tab.slug(),
                    OrderAdminViews.inbox(s, BASE, tab, new Page<>(List.of(cod, paid, shipped, card), "next"), CSRF));
        }
        pages.put("orders-none", OrderAdminViews.inbox(s, BASE, OrderFilter.ALL, new Page<>(List.of(), null), CSRF));
        pages.put("order-cod", OrderAdminViews.order(s, BASE, cod, CSRF));
        pages.put("order-paid", OrderAdminViews.order(s, BASE, paid, CSRF));
        pages.put("order-shipped", OrderAdminViews.order(s, BASE, shipped, CSRF));
        pages.put("order-card", OrderAdminViews.order(s, BASE, card, CSRF));
        Order jazz = OrderAdminService.note(
                OrderAdminService.apply(
                        OrderTestData.anOrder(
                                PaymentMethod.JAZZCASH,
                                PaymentStatus.PENDING,
                                FulfilmentStatus.UNFULFILLED,
                                "Ayesha",
                                ""),
                        OrderAction.RELEASE_UNPAID,
                        null,
                        new OrderEvent(AT, "jazzcash", "jazzcash event ended-DKZXQ (payment ended unpaid)")),
                new OrderEvent(
                        AT,
                        "jazzcash",
                        "jazzcash event paid-DKZXQ (payment received) NOT applied: the money arrived after the order"
                                + " was cancelled; REFUND it to the shopper from your jazzcash account"));
        pages.put("order-jazzcash-refund", OrderAdminViews.order(s, BASE, jazz, CSRF));
        pages.put("cancel", OrderAdminViews.confirmCancel(s, BASE, paid, CSRF));
        pages.put("slip", OrderAdminViews.packingSlip(s, BASE, shipped));
        pages.put("stripe", PaymentsViews.stripe(s, BASE, null, null, "https://x.example/wh", null, CSRF));
        pages.put(
                "stripe-stored",
                PaymentsViews.stripe(s, BASE, "sk_…1234", "whsec_…9876", "https://x.example/wh", null, CSRF));
        for (String provider : List.of("jazzcash", "easypaisa", "alipay")) {
            pages.put(
                    "wallet-" + provider,
                    PaymentsViews.wallet(
                            s,
                            BASE,
                            new io.dukan.shop.payments.WalletKeysView(
                                    provider,
                                    "Zxq",
                                    "PKR",
                                    List.of(
                                            new io.dukan.shop.payments.WalletKeysView.Field(
                                                    "merchantId", false, 40, "MC1"),
                                            new io.dukan.shop.payments.WalletKeysView.Field(
                                                    "password", true, 40, "…zxqz"),
                                            new io.dukan.shop.payments.WalletKeysView.Field(
                                                    "integritySalt", true, 40, null)),
                                    List.of("https://x.example/s/zxq/payments/" + provider + "/return"),
                                    null,
                                    true),
                            CSRF));
        }
        pages.put("settings", SettingsViews.settings(s, BASE, null, 5, Map.of(), null, false, CSRF));
        pages.put(
                "settings-bad-low-stock",
                SettingsViews.settings(
                        s,
                        BASE,
                        null,
                        5,
                        Map.of("lowStockThreshold", "-1"),
                        AdminPages.problem(
                                s,
                                new io.dukan.core.shared.InvalidInputException(
                                        "lowStockThreshold", "the low-stock level must be a whole number")),
                        true,
                        CSRF));
        pages.put("close", io.dukan.shop.settings.CloseStoreController.page(s, BASE, CSRF, "", null, 30));
        pages.put(
                "close-wrong-slug",
                io.dukan.shop.settings.CloseStoreController.page(
                        s,
                        BASE,
                        CSRF,
                        "kashgr",
                        AdminPages.locale(s).t("close.wrongSlug", s.slug().value()),
                        30));
        pages.put(
                "settings-saved",
                SettingsViews.settings(
                        s,
                        BASE,
                        "https://x.example/logo.png",
                        12,
                        Map.of(),
                        AdminPages.locale(s).t("settings.saved"),
                        false,
                        CSRF));
        Session owner = new Session(TENANT, CSRF, "owner@kashgar.example", Role.OWNER, AT);
        Invite invite = new Invite(
                TENANT,
                "aaaaaaaaaaaaaaac",
                "bilal@kashgar.example",
                Role.STAFF,
                "owner@kashgar.example",
                AT,
                AT.plus(Duration.ofDays(7)),
                "h");
        pages.put(
                "staff",
                StaffViews.staff(
                        s,
                        BASE,
                        owner,
                        List.of(new TeamMember("zara@kashgar.example", "Zara", Role.STAFF, AT)),
                        List.of(invite),
                        AdminPages.locale(s).t("staff.done.invited"),
                        "x",
                        "",
                        CSRF));
        pages.put("staff-empty", StaffViews.staff(s, BASE, owner, List.of(), List.of(), null, null, null, CSRF));
        pages.put("invitation", StaffViews.acceptInvite(s, BASE, invite, "token", null, null, CSRF));
        ShippingZone zone = new ShippingZone(
                "aaaaaaaaaaaaaaad",
                "Pakistan",
                List.of(new ShippingZone.Area("PK", "")),
                List.of(
                        new ShippingRate("r1", "TCS", ShippingRate.Kind.FLAT, new Money(25000, "PKR"), List.of(), null),
                        new ShippingRate(
                                "r2",
                                "Leopards",
                                ShippingRate.Kind.BY_WEIGHT,
                                new Money(0, "PKR"),
                                List.of(new WeightBand(1000, new Money(25000, "PKR"))),
                                new Money(500000, "PKR"))));
        pages.put(
                "shipping",
                ShippingAdminViews.shipping(
                        s, BASE, new ShippingSettings(List.of(zone), true), null, null, Map.of(), CSRF));
        pages.put(
                "shipping-unset",
                ShippingAdminViews.shipping(
                        s, BASE, ShippingSettings.defaultFor("PK", "PKR"), "x", "", Map.of("name", "typed"), CSRF));
        pages.put(
                "payments",
                PaymentsViews.paymentMethods(
                        s,
                        BASE,
                        new PaymentSettings(
                                true, true, new PaymentSettings.BankTransferDetails("Kashgar", "HBL", "PK36", "")),
                        null,
                        "saved",
                        CSRF));
        pages.put("currencies", CurrenciesAdminViews.currencies(s, BASE, "USD 0.0036", null, "saved", CSRF));
        discountPages(s, pages, shipped);
        for (HttpStatus status : List.of(
                HttpStatus.FORBIDDEN,
                HttpStatus.NOT_FOUND,
                HttpStatus.BAD_REQUEST,
                HttpStatus.CONFLICT,
                HttpStatus.INTERNAL_SERVER_ERROR)) {
            pages.put(
                    "error-" + status.getCode(),
                    AdminErrorPages.render(
                                    s,
                                    BASE,
                                    status,
                                    "Not allowed",
                                    new PermissionDeniedException(io.dukan.core.account.Permission.STAFF).getMessage())
                            .body());
        }
        return pages;
    }

    /** The discount codes' pages, and an order, its cancel page and its packing slip with a code. */
    static void discountPages(StoreSettings s, Map<String, String> pages, Order shipped) {
        Discount tenOff = new Discount(
                "EID10",
                DiscountKind.PERCENTAGE,
                10,
                200000,
                "PKR",
                AT,
                AT.plus(Duration.ofDays(3)),
                100,
                true,
                false,
                7,
                1,
                AT);
        Discount fixed = new Discount(
                "SHADI500", DiscountKind.FIXED_AMOUNT, 50000, 0, "PKR", null, null, 0, false, true, 0, 2, AT);
        Discount free = new Discount(
                "FREESHIP", DiscountKind.FREE_DELIVERY, 0, 0, "PKR", null, null, 5, false, false, 5, 1, AT);
        Discount later = new Discount(
                "NEWYEAR",
                DiscountKind.PERCENTAGE,
                20,
                0,
                "PKR",
                AT.plus(Duration.ofDays(30)),
                null,
                0,
                false,
                false,
                0,
                1,
                AT);
        Discount over = new Discount(
                "SUMMER", DiscountKind.PERCENTAGE, 15, 0, "PKR", null, AT.minusSeconds(1), 0, false, false, 3, 1, AT);
        var t = AdminPages.locale(s);
        pages.put(
                "discounts",
                DiscountAdminViews.list(
                        s, BASE, CSRF, List.of(tenOff, fixed, free, later, over), AT, null, t.t("discount.saved")));
        pages.put(
                "discounts-empty",
                DiscountAdminViews.list(
                        s,
                        BASE,
                        CSRF,
                        List.of(),
                        AT,
                        AdminPages.problem(s, new io.dukan.core.discount.DiscountInUseException()),
                        null));
        pages.put("discount-new", DiscountAdminViews.form(s, BASE, CSRF, null, Map.of(), 0, null));
        pages.put(
                "discount-edit",
                DiscountAdminViews.form(
                        s,
                        BASE,
                        CSRF,
                        "EID10",
                        DiscountAdminViews.fields(tenOff, t.zone()),
                        1,
                        AdminPages.problem(
                                s,
                                new io.dukan.core.shared.InvalidInputException(
                                        "discountEnds", "the end must be after the start"))));
        pages.put(
                "discount-taken",
                DiscountAdminViews.form(
                        s,
                        BASE,
                        CSRF,
                        null,
                        Map.of("code", "eid10", "kind", "FIXED_AMOUNT", "value", "500"),
                        0,
                        AdminPages.problem(s, new io.dukan.core.discount.DiscountCodeTakenException("EID10"))));
        Order discounted = withDiscount(shipped, new OrderDiscount("EID10", new Money(4500, "PKR"), false));
        Order freeDelivery = withDiscount(shipped, new OrderDiscount("FREESHIP", new Money(25000, "PKR"), true));
        pages.put("order-discount", OrderAdminViews.order(s, BASE, discounted, CSRF));
        pages.put("order-free-delivery", OrderAdminViews.order(s, BASE, freeDelivery, CSRF));
        pages.put("slip-discount", OrderAdminViews.packingSlip(s, BASE, discounted));
    }

    /** The order as if placed with the code (its total less the amount). */
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

    /** With -Ddukan.adminPages=/some/dir, the pages are also written there, to look at them in a browser. */
    private static void dump(Language language, Map<String, String> pages) {
        String dir = System.getProperty("dukan.adminPages");
        if (dir == null) {
            return;
        }
        try {
            java.nio.file.Path out = java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir, language.code()));
            for (var page : pages.entrySet()) {
                java.nio.file.Files.writeString(out.resolve(page.getKey() + ".html"), page.getValue());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The English tables' phrases (the text between placeholders) that this language's tables do not use. */
    static List<String> englishPhrases(Language language) {
        Messages english = Messages.of(Language.EN, BUNDLES);
        Messages own = Messages.of(language, BUNDLES);
        String ownText = String.join("\n", own.own().values());
        Set<String> phrases = new TreeSet<>();
        for (String value : english.own().values()) {
            for (String piece : value.split("\\{\\d+\\}")) {
                String p = piece.strip()
                        .replaceAll("^[\\p{Punct}…]+|[\\p{Punct}…]+$", "")
                        .strip();
                if (p.length() >= 4 && p.chars().anyMatch(Character::isLetter) && !ownText.contains(p)) {
                    phrases.add(p);
                }
            }
        }
        return List.copyOf(phrases);
    }

    private static final Pattern SHOWN_ATTRIBUTE =
            Pattern.compile("(?:aria-label|alt|placeholder|title|content)=\"([^\"]*)\"");

    /**
     * What a person reads: text outside tags, style and script, plus the attributes that are read out or shown.
     * {@code <code>} holds identifiers, not words (the spreadsheet's column names, Stripe's event names, an example
     * rate line): they are the same in every language.
     */
    static String readable(String html) {
        StringBuilder out = new StringBuilder();
        Matcher m = SHOWN_ATTRIBUTE.matcher(html);
        while (m.find()) {
            out.append(m.group(1)).append('\n');
        }
        out.append(html.replaceAll("(?s)<style>.*?</style>", " ")
                .replaceAll("(?s)<script[^>]*>.*?</script>", " ")
                .replaceAll("(?s)<code[^>]*>.*?</code>", " ")
                .replaceAll("<[^>]*>", "\n"));
        return out.toString().replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
