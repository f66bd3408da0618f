package io.dukan.core.checkout;

import io.dukan.core.cart.Cart;
import io.dukan.core.cart.CartService;
import io.dukan.core.discount.DiscountService;
import io.dukan.core.order.DiscountClaim;
import io.dukan.core.order.DiscountUnavailableException;
import io.dukan.core.order.DisplayCurrency;
import io.dukan.core.order.Idempotency;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderRepository;
import io.dukan.core.order.OrderService;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shipping.ShippingOption;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Placing an order: from the shopper's cart (the checkout form) or from an API request. Prices, names and variants
 * are read from the catalog at this moment; delivery comes from the owner's zones for the address; the payment
 * method must be one the owner accepts; the display currency's rate shown is recorded; a discount code is checked
 * and its use written in the order's own transaction (a code that cannot be used refuses the whole order, so an order
 * is never placed silently without the discount the shopper asked for). With an idempotency key the same checkout
 * placed twice gives one order.
 */
public class CheckoutService {

    private final CartService carts;
    private final OrderService orderService;
    private final OrderRepository orders;
    private final ShippingService shipping;
    private final CheckoutSettingsService settings;
    private final DiscountService discounts;
    private final Clock clock;
    private final OnlineMethods online;

    /** The online (provider) methods a store can offer: wallet providers with credentials, in its currency. */
    @FunctionalInterface
    public interface OnlineMethods {
        /** A store with no wallet provider set up: only the owner's offline methods are offered. */
        OnlineMethods NONE = (tenant, storeCurrency) -> List.of();

        List<PaymentMethod> methods(TenantId tenant, String storeCurrency);
    }

    public CheckoutService(
            CartService carts,
            OrderService orderService,
            OrderRepository orders,
            ShippingService shipping,
            CheckoutSettingsService settings,
            DiscountService discounts,
            Clock clock,
            OnlineMethods online) {
        this.carts = Objects.requireNonNull(carts);
        this.orderService = Objects.requireNonNull(orderService);
        this.orders = Objects.requireNonNull(orders);
        this.shipping = Objects.requireNonNull(shipping);
        this.settings = Objects.requireNonNull(settings);
        this.discounts = Objects.requireNonNull(discounts);
        this.clock = Objects.requireNonNull(clock);
        this.online = Objects.requireNonNull(online);
    }

    /** A new one-time token for a checkout form. */
    public static String newCheckoutToken() {
        return Ids.newSecret();
    }

    public static boolean isCheckoutToken(String text) {
        return text != null && text.length() == 26 && Ids.looksLikeId(text, 26);
    }

    /**
     * Places the cart's order, once per checkout token: a resubmitted form (double click, refresh, retry) gets the
     * order the first submission placed. {@code details} builds the command for the cart's lines, so the form's
     * fields are validated with them. The cart is emptied once the order is placed.
     */
    public Order placeCart(
            StoreSettings store,
            String cartId,
            String checkoutToken,
            Function<List<PlaceOrderCommand.Line>, PlaceOrderCommand> details) {
        return placeCartOnce(store, cartId, checkoutToken, details).order();
    }

    /** An order, and whether this call placed it (false when an earlier submission of the same checkout did). */
    public record Placement(Order order, boolean placedNow) {}

    /** {@link #placeCart}, telling whether this submission placed the order (so it is announced only once). */
    public Placement placeCartOnce(
            StoreSettings store,
            String cartId,
            String checkoutToken,
            Function<List<PlaceOrderCommand.Line>, PlaceOrderCommand> details) {
        TenantId tenant = store.tenantId();
        if (!isCheckoutToken(checkoutToken)) {
            throw new InvalidInputException("checkoutToken", "this checkout form has expired; please open it again");
        }
        if (!CartService.isCartId(cartId)) {
            throw new InvalidInputException("cart", "your cart is empty");
        }
        Idempotency once = Idempotency.ofCheckout(checkoutToken, cartId);
        Optional<Order> placed = orders.findPlaced(tenant, once);
        if (placed.isPresent()) {
            return new Placement(placed.get(), false);
        }
        Cart cart = carts.cart(tenant, cartId);
        if (cart.isEmpty()) {
            // An identical submission may have placed the order and emptied the cart since we looked.
            return new Placement(
                    orders.findPlaced(tenant, once)
                            .orElseThrow(() -> new InvalidInputException("cart", "your cart is empty")),
                    false);
        }
        List<PlaceOrderCommand.Line> lines = cart.lines().stream()
                .map(l -> new PlaceOrderCommand.Line(l.productId(), l.variantId(), l.quantity()))
                .toList();
        Placement placement = placeOnce(store, details.apply(lines), once);
        carts.clear(tenant, cartId);
        return placement;
    }

    /** Places an order as submitted (the JSON API); with an idempotency key, at most once per key. */
    public Order place(StoreSettings store, PlaceOrderCommand command, Idempotency idempotency) {
        return placeOnce(store, command, idempotency).order();
    }

    /** {@link #place}, telling whether this call placed the order (a racing twin may have placed it first). */
    public Placement placeOnce(StoreSettings store, PlaceOrderCommand command, Idempotency idempotency) {
        TenantId tenant = store.tenantId();
        if (idempotency != null) {
            Optional<Order> placed = orders.findPlaced(tenant, idempotency);
            if (placed.isPresent()) {
                return new Placement(placed.get(), false);
            }
        }
        requireDeliverable(command);
        PaymentMethod method = command.paymentMethod();
        if (!paymentMethods(store).contains(method)) {
            throw new InvalidInputException(
                    "paymentMethod",
                    method == PaymentMethod.CARD
                            ? "this store does not take card payments yet; choose another way to pay"
                            : "this store does not take " + label(method) + "; choose another way to pay");
        }
        OrderService.PricedLines priced = orderService.price(tenant, command.lines());
        List<ShippingOption> options = shipping.options(
                shipping.settings(store),
                command.address().country(),
                command.address().region(),
                priced.weightGrams(),
                priced.subtotal());
        ShippingOption delivery = shipping.choose(options, command.shippingRateId());
        DisplayCurrency displayed = settings.currencies(tenant)
                .find(command.displayCurrency())
                .map(DisplayRate::recorded)
                .orElse(null);
        DiscountClaim claim = claim(store, command, priced, delivery);
        OrderRepository.Draft draft = new OrderRepository.Draft(
                Ids.newSecret(),
                priced.lines(),
                delivery.price(),
                command.contact(),
                command.address(),
                delivery.label(),
                command.notes(),
                method,
                displayed,
                clock.instant(),
                claim);
        Order order;
        try {
            order = idempotency == null ? orders.place(tenant, draft) : orders.place(tenant, draft, idempotency);
        } catch (DiscountUnavailableException lost) {
            throw discounts.explain(store, claim, lost, priced.subtotal());
        }
        // The repository answers a lost race on the idempotency key with the winner's order, which has its own code.
        return new Placement(order, order.code().equals(draft.code()));
    }

    private DiscountClaim claim(
            StoreSettings store, PlaceOrderCommand command, OrderService.PricedLines priced, ShippingOption delivery) {
        if (command.discountCode().isEmpty()) {
            return null;
        }
        return discounts.claim(store, command.discountCode(), priced.subtotal(), delivery.price(), command.contact());
    }

    /**
     * The ways to pay this store offers. Card payments are the payment provider's to add (the orders work's
     * provider port): offer CARD here when the store has a provider configured, and send the shopper to its
     * payment page after placing.
     */
    public List<PaymentMethod> paymentMethods(TenantId tenant) {
        return settings.payments(tenant).methods();
    }

    /** The offline methods the owner accepts, then each wallet provider the store has set up for its currency. */
    public List<PaymentMethod> paymentMethods(StoreSettings store) {
        List<PaymentMethod> all = new java.util.ArrayList<>(paymentMethods(store.tenantId()));
        all.addAll(online.methods(store.tenantId(), store.currency()));
        return List.copyOf(all);
    }

    private static void requireDeliverable(PlaceOrderCommand command) {
        if (command.address().country().isEmpty()) {
            throw new InvalidInputException("country", "choose the country to deliver to");
        }
        if (command.address().city().isEmpty()) {
            throw new InvalidInputException("city", "city is required");
        }
    }

    public static String label(PaymentMethod method) {
        return switch (method) {
            case CASH_ON_DELIVERY -> "cash on delivery";
            case BANK_TRANSFER -> "bank transfer";
            case CARD -> "card";
            case JAZZCASH -> "JazzCash";
            case EASYPAISA -> "Easypaisa";
            case ALIPAY -> "Alipay";
        };
    }
}
