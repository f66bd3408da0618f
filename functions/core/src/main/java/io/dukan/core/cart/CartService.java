package io.dukan.core.cart;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.Variant;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Money;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Shoppers' carts. Adding checks the variant exists, is sold and has the stock asked for; prices are never kept in a
 * cart but read from the catalog whenever the cart is shown or checked out.
 */
public class CartService {

    /** A cart is forgotten this long after its last change. */
    public static final Duration LIFETIME = Duration.ofDays(14);

    private final ProductRepository products;
    private final CartRepository carts;
    private final Clock clock;

    public CartService(ProductRepository products, CartRepository carts, Clock clock) {
        this.products = products;
        this.carts = carts;
        this.clock = clock;
    }

    /** Whether text from a cookie could be a cart id made here. */
    public static boolean isCartId(String text) {
        return text != null && text.length() == 26 && Ids.looksLikeId(text, 26);
    }

    public static String newCartId() {
        return Ids.newSecret();
    }

    /** The shopper's cart, or an empty one when there is none (unknown, expired, another store's, or no cookie). */
    public Cart cart(TenantId tenant, String cartId) {
        return existing(tenant, cartId).orElseGet(() -> Cart.empty(cartId));
    }

    public Cart add(TenantId tenant, String cartId, AddToCartCommand command) {
        requireCartId(cartId);
        Product product = products.find(tenant, command.productId())
                .filter(Product::visibleToShoppers)
                .orElseThrow(() -> new NotFoundException("no such product"));
        Variant variant = command.variantId() == null
                ? onlyVariant(product)
                : product.variant(command.variantId())
                        .orElseThrow(
                                () -> new InvalidInputException("variantId", "choose one of the product's options"));
        if (!product.available(variant)) {
            throw new NotEnoughStockException("'" + describe(product, variant) + "' is sold out");
        }
        Cart cart = cart(tenant, cartId).add(product.id(), variant.id(), command.quantity());
        requireStock(product, variant, cart.quantityOf(variant.id()));
        carts.save(tenant, cart, clock.instant().plus(LIFETIME));
        return cart;
    }

    /** Sets a line's quantity (0 removes it); the cart must be this store's and hold the variant. */
    public Cart change(TenantId tenant, String cartId, VariantId variant, int quantity) {
        Cart cart = existing(tenant, cartId)
                .orElseThrow(() -> new NotFoundException("that item is not in your cart"))
                .change(variant, quantity);
        if (quantity > 0) {
            CartLine line = cart.lines().stream()
                    .filter(l -> l.variantId().equals(variant))
                    .findFirst()
                    .orElseThrow();
            products.find(tenant, line.productId())
                    .ifPresent(p -> p.variant(variant).ifPresent(v -> requireStock(p, v, quantity)));
        }
        carts.save(tenant, cart, clock.instant().plus(LIFETIME));
        return cart;
    }

    public Cart remove(TenantId tenant, String cartId, VariantId variant) {
        return change(tenant, cartId, variant, 0);
    }

    /** Forgets the cart (after its order was placed). */
    public void clear(TenantId tenant, String cartId) {
        if (isCartId(cartId)) {
            carts.delete(tenant, cartId);
        }
    }

    /** The cart with the catalog's current prices (in the store's {@code currency}), stock and weights. */
    public PricedCart price(TenantId tenant, Cart cart, String currency) {
        List<PricedCart.Line> lines = new ArrayList<>();
        List<CartLine> unavailable = new ArrayList<>();
        Money subtotal = new Money(0, currency);
        long weight = 0;
        for (CartLine line : cart.lines()) {
            Optional<Product> product = products.find(tenant, line.productId()).filter(Product::visibleToShoppers);
            Optional<Variant> variant = product.flatMap(p -> p.variant(line.variantId()));
            if (variant.isEmpty()) {
                unavailable.add(line);
                continue;
            }
            PricedCart.Line priced = new PricedCart.Line(product.get(), variant.get(), line.quantity());
            lines.add(priced);
            subtotal = subtotal.plus(priced.total());
            weight += (long) variant.get().weightGrams() * line.quantity();
        }
        return new PricedCart(cart, lines, unavailable, subtotal, weight);
    }

    private Optional<Cart> existing(TenantId tenant, String cartId) {
        return isCartId(cartId) ? carts.find(tenant, cartId, clock.instant()) : Optional.empty();
    }

    private static void requireCartId(String cartId) {
        if (!isCartId(cartId)) {
            throw new IllegalArgumentException("not a cart id");
        }
    }

    private static void requireStock(Product product, Variant variant, int wanted) {
        if (!product.sellWhenSoldOut() && wanted > variant.stock()) {
            throw new NotEnoughStockException("only " + variant.stock() + " of '" + describe(product, variant)
                    + "' left; your cart was not changed");
        }
    }

    private static Variant onlyVariant(Product product) {
        if (product.variants().size() != 1) {
            throw new InvalidInputException("variantId", "choose one of the product's options");
        }
        return product.defaultVariant();
    }

    private static String describe(Product product, Variant variant) {
        return variant.title().isEmpty() ? product.name() : product.name() + " — " + variant.title();
    }
}
