package io.dukan.shop.api;

import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.checkout.CheckoutService;
import io.dukan.core.discount.DiscountRefusedException;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.Idempotency;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderService;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.Page;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Problem;
import io.dukan.web.access.CsrfExempt;
import io.dukan.web.access.Public;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Locale;

/**
 * The store's JSON API for integrations: the catalog, and guest orders (with discount codes). Errors are
 * application/problem+json.
 */
@Public
@Controller(value = "/s/{store}/api", produces = MediaType.APPLICATION_JSON)
class ShopApiController {

    private final ThisStore store;
    private final CatalogService catalog;
    private final OrderService orders;
    private final CheckoutService checkout;

    ShopApiController(ThisStore store, CatalogService catalog, OrderService orders, CheckoutService checkout) {
        this.store = store;
        this.checkout = checkout;
        this.catalog = catalog;
        this.orders = orders;
    }

    @Serdeable
    record Price(String amount, String currency, long minor) {
        static Price of(Money m) {
            return new Price(m.amount(), m.currency(), m.minor());
        }
    }

    @Serdeable
    record ProductJson(
            String id,
            String name,
            String description,
            Price price,
            int stock,
            boolean inStock,
            @Nullable String imageUrl) {}

    @Serdeable
    record ProductPage(List<ProductJson> items, @Nullable String next) {}

    @Serdeable
    record LineJson(@Nullable String productId, @Nullable String variantId, int quantity) {}

    @Serdeable
    record PlaceOrderJson(
            @Nullable List<LineJson> lines,
            @Nullable String customerName,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String address,
            @Nullable String line2,
            @Nullable String city,
            @Nullable String region,
            @Nullable String postcode,
            @Nullable String country,
            @Nullable String notes,
            @Nullable String paymentMethod,
            @Nullable String shippingRateId,
            @Nullable String displayCurrency,
            @Nullable String discountCode) {}

    @Serdeable
    record OrderLineJson(String productId, String name, Price unitPrice, int quantity) {}

    /** The discount code applied: its amount off the total ({@code freeDelivery}: the delivery price). */
    @Serdeable
    record DiscountJson(String code, Price amount, boolean freeDelivery) {}

    @Serdeable
    record OrderJson(
            String number,
            String code,
            List<OrderLineJson> lines,
            Price subtotal,
            Price shipping,
            String shippingMethod,
            @Nullable DiscountJson discount,
            Price total,
            String paymentMethod,
            String placedAt) {}

    /** Active products, newest first; {@code after} is the previous page's {@code next}. */
    @Get("/products")
    io.dukan.shop.api.ProductJson.PageOut products(@QueryValue @Nullable String after) {
        Page<Product> page = catalog.activeProducts(store.id(), after, 50);
        return new io.dukan.shop.api.ProductJson.PageOut(
                page.items().stream()
                        .map(p -> io.dukan.shop.api.ProductJson.of(p, catalog, store.id()))
                        .toList(),
                page.next());
    }

    /** An active product (drafts and archived products are 404 to the public API). */
    @Get("/products/{id}")
    io.dukan.shop.api.ProductJson.Out product(String id) {
        return io.dukan.shop.api.ProductJson.of(
                catalog.activeProduct(store.id(), ProductId.parse(id)), catalog, store.id());
    }

    /**
     * Places an order as the checkout would (catalog prices, the owner's shipping zones and payment methods, and a
     * {@code discountCode} by the checkout's rules, its use counted in the order's own transaction). With an
     * Idempotency-Key header, the same request sent again answers with the order placed first (201 both times); the
     * same key with a different request is a 409. A code that cannot be used refuses the whole order (nothing is
     * written) with a 409 problem whose type names why: {@code urn:dukan:problem:discount-expired}, {@code -paused},
     * {@code -below-minimum}, {@code -used-up}, {@code -already-used}, {@code -not-started}, {@code -changed}, or
     * {@code -unknown} (also for another store's code), and {@code field} "discountCode".
     */
    @CsrfExempt("JSON only, and no cookie authorises it: another site's page cannot send application/json")
    @Post(value = "/orders", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> placeOrder(@Body PlaceOrderJson body, @Header("Idempotency-Key") @Nullable String idempotencyKey) {
        List<PlaceOrderCommand.Line> lines = body.lines() == null
                ? List.of()
                : body.lines().stream()
                        .map(l -> l == null
                                ? null
                                : new PlaceOrderCommand.Line(
                                        productId(l.productId()), variantId(l.variantId()), l.quantity()))
                        .collect(java.util.stream.Collectors.toList()); // keeps nulls, which the command refuses
        String country = body.country() == null ? store.settings().country() : body.country();
        PlaceOrderCommand command = new PlaceOrderCommand(
                lines,
                new Contact(body.customerName(), body.phone(), body.email()),
                new Address(body.address(), body.line2(), body.city(), body.region(), body.postcode(), country),
                body.notes(),
                PlaceOrderCommand.paymentMethod(body.paymentMethod()),
                body.shippingRateId(),
                body.displayCurrency(),
                body.discountCode());
        Idempotency once = idempotencyKey == null ? null : Idempotency.ofApiKey(idempotencyKey, command.toString());
        try {
            Order order = checkout.place(store.settings(), command, once);
            return HttpResponse.created(json(order));
        } catch (DiscountRefusedException refused) {
            return Problem.of(
                    HttpStatus.CONFLICT,
                    "discount-"
                            + refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "Discount code not accepted",
                    refused.getMessage(),
                    "discountCode");
        }
    }

    @Get("/orders/{code}")
    OrderJson order(String code) {
        return json(orders.order(store.id(), code));
    }

    private static ProductId productId(String text) {
        if (!Ids.looksLikeId(text, 16)) {
            throw new InvalidInputException("productId", "unknown product: " + text);
        }
        return new ProductId(text);
    }

    private static VariantId variantId(String text) {
        if (text == null) {
            return null;
        }
        if (!Ids.looksLikeId(text, 16)) {
            throw new InvalidInputException("variantId", "unknown variant: " + text);
        }
        return new VariantId(text);
    }

    private ProductJson json(Product p) {
        return new ProductJson(
                p.id().value(),
                p.name(),
                p.description(),
                Price.of(p.price()),
                p.stock(),
                p.inStock(),
                catalog.imageUrl(store.id(), p));
    }

    private static OrderJson json(Order o) {
        return new OrderJson(
                o.displayNumber(),
                o.code(),
                o.lines().stream()
                        .map(l -> new OrderLineJson(
                                l.productId().value(), l.productName(), Price.of(l.unitPrice()), l.quantity()))
                        .toList(),
                Price.of(o.subtotal()),
                Price.of(o.shipping()),
                o.shippingMethod(),
                o.discount() == null
                        ? null
                        : new DiscountJson(
                                o.discount().code(),
                                Price.of(o.discount().amount()),
                                o.discount().freeDelivery()),
                Price.of(o.total()),
                o.paymentMethod().name(),
                o.placedAt().toString());
    }
}
