package io.dukan.shop.web;

import io.dukan.core.account.LoginThrottledException;
import io.dukan.core.cart.CartService;
import io.dukan.core.catalog.ShopCatalog;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.checkout.DisplayRate;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.DomainException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.Csrf;
import io.dukan.web.Requests;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.StoreLocale;
import io.dukan.web.pages.Templates;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every shopper page (storefront, cart, checkout, order, errors, sign-in and password reset) comes from a precompiled
 * jte template in {@code src/main/jte} and every word from the store's language ({@code i18n/shop_{lang}.properties}).
 * This builds the layout's model for one request and renders a page.
 */
@Singleton
public class ShopPages {

    static final Templates TEMPLATES = new Templates("io.dukan.shop.pages");
    public static final List<String> BUNDLES = List.of("shop", "wallets", "borders", "discount", "seller");

    private final ThisStore store;
    private final ShopCatalog catalog;
    private final ShopperCookies cookies;
    private final Csrf csrf;
    private final CartService carts;

    ShopPages(ThisStore store, ShopCatalog catalog, ShopperCookies cookies, Csrf csrf, CartService carts) {
        this.store = store;
        this.carts = carts;
        this.catalog = catalog;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    /** The store's words and formats (language, country's locale and time zone). */
    public static StoreLocale locale(StoreSettings s) {
        return StoreLocale.of(s.language(), s.country(), BUNDLES);
    }

    /** The words and formats of the page being served: its address's language (the primary without a prefix). */
    public StoreLocale locale() {
        StoreSettings s = store.settings();
        return StoreLocale.of(PageLanguage.current(s), s.country(), BUNDLES);
    }

    /** The page's language code ("zh"; the store's primary without a prefix in the address). */
    public String language(HttpRequest<?> request) {
        return PageLanguage.of(request, store.settings());
    }

    /**
     * The layout's model. {@code title} is the page's own (the store's name is added), {@code description} null for
     * the store's; {@code switchBack} is the path the currency switcher returns to (null: no switcher).
     */
    public ShopPage page(
            HttpRequest<?> request, String title, String description, ShopPage.Seo seo, String switchBack) {
        StoreSettings s = store.settings();
        String lang = PageLanguage.of(request, s);
        StoreLocale t = StoreLocale.of(lang, s.country(), BUNDLES);
        DisplayCurrencies currencies = store.currencies();
        DisplayRate shown = currencies.find(cookies.currency(request)).orElse(null);
        ShopPage.CurrencySwitch currency = switchBack == null
                        || currencies.rates().isEmpty()
                ? null
                : new ShopPage.CurrencySwitch(
                        switchBack,
                        currencies.rates().stream().map(DisplayRate::currency).toList(),
                        shown == null ? null : shown.currency(),
                        csrf.token(request));
        String fullTitle = title == null || title.equals(s.name()) ? s.name() : title + " · " + s.name();
        return new ShopPage(
                t,
                s.name(),
                base(request),
                fullTitle,
                description == null
                        ? (s.description(lang).isEmpty() ? t.t("page.description", s.name()) : s.description(lang))
                        : description,
                seo,
                catalog.logoUrl(store.id(), s.contact().logoKey()),
                shown,
                currency,
                s.contact(),
                languages(request, s, lang),
                cartCount(request));
    }

    /** The number of things in the shopper's cart (one read, only when the browser holds a cart id). */
    private long cartCount(HttpRequest<?> request) {
        return cookies.cartId(request)
                .map(id -> (long) carts.cart(store.id(), id).itemCount())
                .orElse(0L);
    }

    /** Links start here: the store's base, with the page's language prefix ("/s/kashgar/zh"). */
    String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value()) + PageLanguage.prefix(request, store.settings());
    }

    /** The cookie that hides the language banner once dismissed. */
    public static final String BANNER_COOKIE = "dukan_lang_banner";

    private ShopPage.Languages languages(HttpRequest<?> request, StoreSettings s, String lang) {
        if (s.extraLanguages().isEmpty()) {
            return null;
        }
        String slug = store.slug().value();
        String root = Requests.storeBase(request, slug);
        String path = request.getPath();
        String own = "/s/" + slug;
        path = path.startsWith(own) ? path.substring(own.length()) : path;
        if (path.isEmpty()) {
            path = "/";
        }
        String query = request.getUri().getRawQuery();
        String rest = path + (query == null || query.isEmpty() ? "" : "?" + query);
        String absolute = Canonical.storeUrl(request, slug);
        List<ShopPage.Link> alternates = new java.util.ArrayList<>();
        List<ShopPage.Link> links = new java.util.ArrayList<>();
        for (String l : s.languages()) {
            String name = Language.orEnglish(l).nativeName();
            alternates.add(new ShopPage.Link(l, name, absolute + PageLanguage.prefix(s, l) + rest));
            links.add(new ShopPage.Link(l, name, root + PageLanguage.prefix(s, l) + rest));
        }
        ShopPage.Banner banner = null;
        if (Requests.cookie(request, BANNER_COOKIE).isEmpty()) {
            banner = PageLanguage.suggested(request, s, lang)
                    .map(offered -> {
                        StoreLocale o = StoreLocale.of(offered, s.country(), BUNDLES);
                        return new ShopPage.Banner(
                                offered,
                                o.dir(),
                                o.t(
                                        "borders.banner",
                                        Language.orEnglish(offered).nativeName()),
                                o.t("borders.banner.go"),
                                root + PageLanguage.prefix(s, offered) + rest,
                                o.t("borders.banner.dismiss"),
                                root + "/language-banner?back="
                                        + java.net.URLEncoder.encode(
                                                root + PageLanguage.prefix(s, lang) + rest,
                                                java.nio.charset.StandardCharsets.UTF_8));
                    })
                    .orElse(null);
        }
        return new ShopPage.Languages(lang, alternates, absolute + rest, links, banner);
    }

    public static String render(String template, ShopPage page, Object... namedParams) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i < namedParams.length; i += 2) {
            params.put((String) namedParams[i], namedParams[i + 1]);
        }
        return TEMPLATES.render(template, params);
    }

    /**
     * What to tell a shopper the domain refused, in the store's language. English stores read the domain's own
     * (more precise) sentence; other languages a sentence for the field or kind of refusal.
     */
    public static String refusal(StoreLocale t, DomainException e) {
        if (t.language() == Language.EN) {
            return e.getMessage();
        }
        if (e instanceof InvalidInputException invalid && invalid.field() != null) {
            String field = invalid.field();
            if (field.startsWith("line")
                    || field.equals("city")
                    || field.equals("country")
                    || field.equals("region")
                    || field.equals("postcode")) {
                field = "address";
            } else if (field.equals("lines")
                    || field.equals("productId")
                    || field.equals("variantId")
                    || field.equals("checkoutToken")) {
                field = "cart";
            }
            if (field.equals("password")) {
                return e.getMessage().contains("at least")
                        ? t.t("reset.tooShort", t.number(io.dukan.core.account.PasswordRules.MIN_LENGTH))
                        : t.t("reset.tooLong", t.number(io.dukan.core.account.PasswordRules.MAX_BYTES));
            }
            return t.messages().has("invalid." + field) ? t.t("invalid." + field) : t.t("invalid.generic");
        }
        if (e instanceof ConflictException) {
            return t.t("conflict.stock");
        }
        if (e instanceof LoginThrottledException) {
            return t.t("error.429.text");
        }
        return t.t("invalid.generic");
    }
}
