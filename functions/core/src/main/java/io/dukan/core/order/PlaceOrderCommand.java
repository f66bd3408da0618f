package io.dukan.core.order;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.catalog.VariantId;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Text;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A guest's order as submitted; validates itself. A line's {@code variantId} may be null for a product with a
 * single variant. {@code notes} is "" when the shopper wrote none. {@code shippingRateId} is the delivery option
 * chosen ("" when there is only one); {@code displayCurrency} the currency the shopper saw prices in ("" for the
 * store's own); {@code discountCode} the code the shopper typed ("" for none; looked up case-insensitively).
 */
public record PlaceOrderCommand(
        List<Line> lines,
        Contact contact,
        Address address,
        String notes,
        PaymentMethod paymentMethod,
        String shippingRateId,
        String displayCurrency,
        String discountCode) {

    public static final int MAX_QUANTITY = 1000;
    public static final int MAX_LINES = 50;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,28}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s.]{2,}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public record Line(ProductId productId, VariantId variantId, int quantity) {}

    public PlaceOrderCommand {
        if (lines == null || lines.isEmpty()) {
            throw new InvalidInputException("lines", "the order has no products");
        }
        if (lines.size() > MAX_LINES) {
            throw new InvalidInputException("lines", "an order may have at most " + MAX_LINES + " lines");
        }
        for (Line line : lines) {
            if (line == null || line.productId() == null) {
                throw new InvalidInputException("lines", "every line needs a product");
            }
            if (line.quantity() < 1 || line.quantity() > MAX_QUANTITY) {
                throw new InvalidInputException("quantity", "quantity must be between 1 and " + MAX_QUANTITY);
            }
        }
        lines = List.copyOf(lines);
        contact = validContact(contact);
        address = validAddress(address);
        notes = Text.optional("notes", notes, 1000);
        if (paymentMethod == null) {
            throw new InvalidInputException("paymentMethod", "choose how you will pay");
        }
        shippingRateId = Text.optional("shipping", shippingRateId, 40);
        displayCurrency = Text.optional("currency", displayCurrency, 3).toUpperCase(Locale.ROOT);
        if (!displayCurrency.isEmpty() && !displayCurrency.matches("[A-Z]{3}")) {
            displayCurrency = "";
        }
        discountCode = Text.optional("discountCode", discountCode, 64);
    }

    /** Without a discount code. */
    public PlaceOrderCommand(
            List<Line> lines,
            Contact contact,
            Address address,
            String notes,
            PaymentMethod paymentMethod,
            String shippingRateId,
            String displayCurrency) {
        this(lines, contact, address, notes, paymentMethod, shippingRateId, displayCurrency, "");
    }

    /** Without a delivery choice or display currency (a single delivery option, prices seen in the base currency). */
    public PlaceOrderCommand(
            List<Line> lines, Contact contact, Address address, String notes, PaymentMethod paymentMethod) {
        this(lines, contact, address, notes, paymentMethod, "", "", "");
    }

    private static Contact validContact(Contact c) {
        if (c == null) {
            throw new InvalidInputException("name", "name is required");
        }
        String name = Text.required("name", c.name(), 120);
        String phone = Text.required("phone", c.phone(), 30);
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("phone", "phone must be a number like +92 300 1234567");
        }
        String email = Text.optional("email", c.email(), 254);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            throw new InvalidInputException("email", "email must look like name@example.com");
        }
        return new Contact(name, phone, email);
    }

    private static Address validAddress(Address a) {
        if (a == null) {
            throw new InvalidInputException("address", "address is required");
        }
        String country = Text.optional("country", a.country(), 2).toUpperCase(Locale.ROOT);
        if (!country.isEmpty() && !COUNTRY.matcher(country).matches()) {
            throw new InvalidInputException("country", "choose a country");
        }
        return new Address(
                Text.required("address", a.line1(), 500),
                Text.optional("line2", a.line2(), 200),
                Text.optional("city", a.city(), 100),
                Text.optional("region", a.region(), 100),
                Text.optional("postcode", a.postcode(), 20),
                country);
    }

    /** Parses a payment method name from a form; unknown names are an input error. */
    public static PaymentMethod paymentMethod(String text) {
        for (PaymentMethod m : PaymentMethod.values()) {
            if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new InvalidInputException("paymentMethod", "choose how you will pay");
    }
}
