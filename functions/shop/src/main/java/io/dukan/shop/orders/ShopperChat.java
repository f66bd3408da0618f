package io.dukan.shop.orders;

import io.dukan.core.order.Order;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.i18n.StoreLocale;
import io.dukan.web.pages.Templates;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The owner's WhatsApp click-to-chat link to the shopper on the admin's order page: the shopper's number in
 * international form and the order's summary, in the shopper's language when the order knows it, else the store's.
 */
public final class ShopperChat {

    private static final Templates TEMPLATES = new Templates("io.dukan.shop.pages");
    private static final List<String> BUNDLES = List.of("shop", "mail", "wallets", "discount", "seller");

    /** Country calling codes for numbers typed in national form ("0300 1234567" in Pakistan is 92 300 1234567). */
    private static final Map<String, String> CALLING_CODES = Map.ofEntries(
            Map.entry("PK", "92"),
            Map.entry("IN", "91"),
            Map.entry("BD", "880"),
            Map.entry("AE", "971"),
            Map.entry("SA", "966"),
            Map.entry("EG", "20"),
            Map.entry("MA", "212"),
            Map.entry("DZ", "213"),
            Map.entry("GB", "44"),
            Map.entry("FR", "33"),
            Map.entry("ES", "34"),
            Map.entry("DE", "49"),
            Map.entry("CN", "86"),
            Map.entry("US", "1"),
            Map.entry("CA", "1"),
            Map.entry("MX", "52"),
            Map.entry("AR", "54"),
            Map.entry("CO", "57"),
            Map.entry("TR", "90"),
            Map.entry("NG", "234"),
            Map.entry("KE", "254"),
            Map.entry("ID", "62"),
            Map.entry("MY", "60"));

    private ShopperChat() {}

    /** The link, or empty when the shopper's phone cannot be made an international number. */
    public static Optional<String> link(StoreSettings s, Order order, String orderUrl, String shopperLanguage) {
        return international(order.contact().phone(), order.address().country(), s.country())
                .map(digits -> "https://wa.me/" + digits + "?text="
                        + URLEncoder.encode(text(s, order, orderUrl, shopperLanguage), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
    }

    static String text(StoreSettings s, Order order, String orderUrl, String shopperLanguage) {
        String language = shopperLanguage == null || shopperLanguage.isBlank() ? s.language() : shopperLanguage;
        StoreLocale t = StoreLocale.of(language, s.country(), BUNDLES);
        return TEMPLATES
                .render(
                        "mail/shopper-chat.jte",
                        Map.of("t", t, "order", order, "storeName", s.name(), "orderUrl", orderUrl))
                .stripTrailing();
    }

    /**
     * The number as wa.me wants it (country code and number, digits only): "+92 300-1234567" and "0092…" as they
     * are; "0300 1234567" with the delivery country's (else the store's) calling code instead of the leading 0.
     */
    static Optional<String> international(String phone, String country, String storeCountry) {
        String p = phone == null ? "" : phone.strip();
        String digits = p.replaceAll("[^0-9]", "");
        if (p.startsWith("+")) {
            return plausible(digits);
        }
        if (digits.startsWith("00")) {
            return plausible(digits.substring(2));
        }
        String code = CALLING_CODES.get(country == null || country.isBlank() ? storeCountry : country);
        if (code == null) {
            return Optional.empty();
        }
        if (digits.startsWith("0")) {
            return plausible(code + digits.substring(1));
        }
        return plausible(digits.startsWith(code) && digits.length() > 10 ? digits : code + digits);
    }

    private static Optional<String> plausible(String digits) {
        return digits.length() >= 8 && digits.length() <= 15 ? Optional.of(digits) : Optional.empty();
    }
}
