package io.dukan.core.order;

import io.dukan.core.catalog.ProductId;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.Text;
import java.util.List;
import java.util.regex.Pattern;

/** A guest's order as submitted; validates itself. */
public record PlaceOrderCommand(List<Line> lines, String customerName, String phone, String address,
        PaymentMethod paymentMethod) {

    public static final int MAX_QUANTITY = 1000;
    public static final int MAX_LINES = 50;
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{4,28}");

    public record Line(ProductId productId, int quantity) {}

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
        customerName = Text.required("name", customerName, 120);
        phone = Text.required("phone", phone, 30);
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidInputException("phone", "phone must be a number like +92 300 1234567");
        }
        address = Text.required("address", address, 500);
        if (paymentMethod == null) {
            throw new InvalidInputException("paymentMethod", "choose how you will pay");
        }
    }

    /** Parses a payment method name from a form; unknown names are an input error. */
    public static PaymentMethod paymentMethod(String text) {
        for (PaymentMethod m : PaymentMethod.values()) {
            if (m.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return m;
            }
        }
        throw new InvalidInputException("paymentMethod", "this store takes cash on delivery");
    }
}
