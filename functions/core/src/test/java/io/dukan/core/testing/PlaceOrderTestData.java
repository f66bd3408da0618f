package io.dukan.core.testing;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import io.dukan.core.order.Address;
import io.dukan.core.order.Contact;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PlaceOrderCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Test-data builder for what a shopper submits:
 * {@code anOrderOf(figs, 2).deliveredTo("AE", "").payingBy(BANK_TRANSFER).build()}. By default a Lahore address,
 * cash on delivery, no delivery choice and prices seen in the store's currency.
 */
public final class PlaceOrderTestData {

    private final List<PlaceOrderCommand.Line> lines = new ArrayList<>();
    private String country = "PK";
    private String region = "";
    private String city = "Lahore";
    private PaymentMethod method = PaymentMethod.CASH_ON_DELIVERY;
    private String shippingRateId = "";
    private String displayCurrency = "";
    private String name = "Amina Khan";
    private String phone = "+92 300 1234567";
    private String email = "amina@example.com";
    private String discountCode = "";

    private PlaceOrderTestData() {}

    /** The product's only variant. */
    public static PlaceOrderTestData anOrderOf(Product product, int quantity) {
        return new PlaceOrderTestData().and(product, quantity);
    }

    public PlaceOrderTestData and(Product product, int quantity) {
        lines.add(new PlaceOrderCommand.Line(product.id(), null, quantity));
        return this;
    }

    public PlaceOrderTestData and(Product product, Variant variant, int quantity) {
        lines.add(new PlaceOrderCommand.Line(product.id(), variant.id(), quantity));
        return this;
    }

    public PlaceOrderTestData deliveredTo(String countryCode, String regionName) {
        country = countryCode;
        region = regionName;
        return this;
    }

    public PlaceOrderTestData inCity(String value) {
        city = value;
        return this;
    }

    public PlaceOrderTestData payingBy(PaymentMethod value) {
        method = value;
        return this;
    }

    public PlaceOrderTestData shippedBy(String rateId) {
        shippingRateId = rateId;
        return this;
    }

    public PlaceOrderTestData seenIn(String currency) {
        displayCurrency = currency;
        return this;
    }

    public PlaceOrderTestData by(String customerName) {
        name = customerName;
        return this;
    }

    public PlaceOrderTestData withCode(String code) {
        discountCode = code;
        return this;
    }

    /** The shopper's phone and e-mail ("" for none). */
    public PlaceOrderTestData reachedAt(String phoneNumber, String emailAddress) {
        phone = phoneNumber;
        email = emailAddress;
        return this;
    }

    public PlaceOrderCommand build() {
        return new PlaceOrderCommand(
                lines,
                new Contact(name, phone, email),
                new Address("12 Mall Road", "", city, region, "54000", country),
                "",
                method,
                shippingRateId,
                displayCurrency,
                discountCode);
    }
}
