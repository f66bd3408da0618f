package io.dukan.shop.checkout;

import io.dukan.core.cart.CartService;
import io.dukan.core.cart.PricedCart;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.discount.DiscountRefusedException;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Order;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shipping.ShippingOption;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.shipping.ShippingSettings;
import io.dukan.core.shipping.UnservedDestinationException;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.discounts.DiscountField;
import io.dukan.shop.discounts.DiscountWords;
import io.dukan.shop.orders.OrderAlerts;
import io.dukan.shop.web.ShopPage;
import io.dukan.shop.web.ShopPages;
import io.dukan.shop.web.ShopperCookies;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Public;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Checkout without JavaScript: the form (contact, address, delivery options for the chosen country, notes,
 * payment) posts to /checkout/place; "Update delivery options" posts the same form to /checkout, which only shows it
 * again with the options for the address typed. The form carries a one-time token, so placing it twice gives one
 * order.
 */
@Public
@Controller("/s/{store}")
class CheckoutController {

    private static final String[] FIELDS = {
        "name",
        "phone",
        "email",
        "line1",
        "line2",
        "city",
        "region",
        "postcode",
        "country",
        "shipping",
        "notes",
        "paymentMethod",
        "discountCode"
    };

    private final ThisStore store;
    private final CartService carts;
    private final CheckoutService checkout;
    private final ShippingService shipping;
    private final CheckoutSettingsService settings;
    private final ShopperCookies cookies;
    private final Csrf csrf;
    private final OrderAlerts alerts;
    private final ShopPages pages;
    private final DiscountService discounts;

    CheckoutController(
            ThisStore store,
            CartService carts,
            CheckoutService checkout,
            ShippingService shipping,
            CheckoutSettingsService settings,
            ShopperCookies cookies,
            Csrf csrf,
            OrderAlerts alerts,
            ShopPages pages,
            DiscountService discounts) {
        this.discounts = discounts;
        this.pages = pages;
        this.alerts = alerts;
        this.store = store;
        this.carts = carts;
        this.checkout = checkout;
        this.shipping = shipping;
        this.settings = settings;
        this.cookies = cookies;
        this.csrf = csrf;
    }

    @Get(value = "/checkout", produces = MediaType.TEXT_HTML)
    HttpResponse<String> form(HttpRequest<?> request) {
        PricedCart cart = cart(request);
        if (cart.lines().isEmpty()) {
            return HttpResponse.seeOther(URI.create(base(request) + "/cart"));
        }
        return page(request, HttpStatus.OK, cart, Map.of(), CheckoutService.newCheckoutToken(), null);
    }

    /**
     * Shows the form again with delivery options for the address typed and what the discount code typed takes off
     * ("Apply"; "Remove code" clears it); writes nothing.
     */
    @Post(value = "/checkout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> refresh(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        PricedCart cart = cart(request);
        if (cart.lines().isEmpty()) {
            return HttpResponse.seeOther(URI.create(base(request) + "/cart"));
        }
        Map<String, String> typed = form.typed(FIELDS);
        if ("remove".equals(form.get("discountAction"))) {
            typed.remove("discountCode");
        }
        return page(request, HttpStatus.OK, cart, typed, token(form), null);
    }

    @Post(value = "/checkout/place", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> place(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        String cartId = cookies.cartId(request).orElse(null);
        try {
            CheckoutService.Placement placement = checkout.placeCartOnce(
                    store.settings(),
                    cartId,
                    form.get("checkoutToken"),
                    lines -> new PlaceOrderCommand(
                            lines,
                            new Contact(form.get("name"), form.get("phone"), form.get("email")),
                            new Address(
                                    form.get("line1"),
                                    form.get("line2"),
                                    form.get("city"),
                                    form.get("region"),
                                    form.get("postcode"),
                                    form.get("country")),
                            form.get("notes"),
                            PlaceOrderCommand.paymentMethod(form.get("paymentMethod")),
                            form.get("shipping"),
                            form.get("displayCurrency"),
                            form.get("discountCode")));
            Order order = placement.order();
            if (placement.placedNow()) {
                alerts.placed(request, order);
            }
            return HttpResponse.seeOther(URI.create(base(request) + "/orders/" + order.code()));
        } catch (DiscountRefusedException refused) {
            // Never placed without the discount the shopper asked for: the form again, with why, nothing written.
            PricedCart cart = cart(request);
            if (cart.lines().isEmpty()) {
                throw refused;
            }
            StoreLocale t = pages.locale();
            return page(
                    request,
                    HttpStatus.CONFLICT,
                    cart,
                    form.typed(FIELDS),
                    token(form),
                    DiscountWords.refusal(t, refused) + " " + t.t("discount.notPlaced"));
        } catch (InvalidInputException | ConflictException refused) {
            PricedCart cart = cart(request);
            if (cart.lines().isEmpty()) {
                throw refused;
            }
            return page(
                    request,
                    status(refused),
                    cart,
                    form.typed(FIELDS),
                    token(form),
                    ShopPages.refusal(pages.locale(), refused));
        }
    }

    private MutableHttpResponse<String> page(
            HttpRequest<?> request,
            HttpStatus status,
            PricedCart cart,
            Map<String, String> typed,
            String token,
            String error) {
        StoreSettings s = store.settings();
        ShippingSettings zones = shipping.settings(s);
        List<String> countries = zones.countries();
        String country = typed.getOrDefault(
                "country",
                Requests.cookie(request, io.dukan.shop.storefront.TradeFacts.COOKIE)
                        .orElse(""));
        if (!countries.contains(country)) {
            country = countries.contains(s.country()) ? s.country() : countries.isEmpty() ? "" : countries.get(0);
        }
        List<ShippingOption> options = null;
        String problem = null;
        try {
            options = shipping.options(
                    zones, country, typed.getOrDefault("region", ""), cart.weightGrams(), cart.subtotal());
        } catch (InvalidInputException e) {
            StoreLocale t = pages.locale();
            problem = t.language() == Language.EN
                    ? e.getMessage()
                    : t.t(e instanceof UnservedDestinationException ? "checkout.noDelivery" : "checkout.tooHeavy");
        }
        DiscountField discount = discountField(s, typed.getOrDefault("discountCode", ""), cart, options, typed, error);
        CheckoutView view = new CheckoutView(
                cart.in(pages.language(request)),
                typed,
                countries,
                country,
                options,
                problem,
                checkout.paymentMethods(s),
                settings.payments(store.id()),
                s.currency(),
                token,
                csrf.token(request),
                error,
                discount);
        ShopPage shop = pages.page(request, pages.locale().t("checkout.title"), null, null, null);
        return Pages.html(status, ShopPages.render("checkout.jte", shop, "view", view))
                .header("Cache-Control", "no-store");
    }

    /**
     * What the typed code gives the order as it stands (the chosen delivery's price matters for free delivery), or why
     * it does not. Nothing to say without delivery options, and no second refusal under one the form already shows.
     */
    private DiscountField discountField(
            StoreSettings s,
            String code,
            PricedCart cart,
            List<ShippingOption> options,
            Map<String, String> typed,
            String error) {
        if (code.isBlank() || options == null || options.isEmpty()) {
            return new DiscountField(code, null, null);
        }
        String rate = typed.getOrDefault("shipping", options.get(0).rateId());
        ShippingOption chosen = options.stream()
                .filter(o -> o.rateId().equals(rate))
                .findFirst()
                .orElse(options.get(0));
        try {
            return new DiscountField(code, discounts.quote(s, code, cart.subtotal(), chosen.price()), null);
        } catch (DiscountRefusedException refused) {
            return new DiscountField(code, null, error == null ? DiscountWords.refusal(pages.locale(), refused) : null);
        }
    }

    private PricedCart cart(HttpRequest<?> request) {
        return carts.price(
                store.id(),
                carts.cart(store.id(), cookies.cartId(request).orElse(null)),
                store.settings().currency());
    }

    private static String token(Form form) {
        String token = form.get("checkoutToken");
        return CheckoutService.isCheckoutToken(token) ? token : CheckoutService.newCheckoutToken();
    }

    /** As the cart answers a refused change: 409 for a conflict (stock, price), 400 for bad input. */
    private static HttpStatus status(RuntimeException refused) {
        return refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    }

    /** The store's base with the page's language prefix, so a shopper reading in Chinese stays in Chinese. */
    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value())
                + io.dukan.shop.web.PageLanguage.prefix(request, store.settings());
    }
}
