package io.dukan.shop.web;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.Variant;
import io.dukan.core.order.FulfilmentStatus;
import io.dukan.core.order.PaymentMethod;
import io.dukan.core.order.PaymentStatus;
import io.dukan.core.shipping.ShippingOption;
import io.dukan.web.Html;
import io.dukan.web.i18n.StoreLocale;
import java.util.Locale;

/** The store's words for things the platform names (states, methods, generated options, countries). */
public final class Words {

    /**
     * HTML: the message with each argument in {@code <strong>}; the message and the arguments are escaped (for
     * {@code $unsafe} in a template, where the words must keep their emphasis in every language's word order).
     */
    public static String strong(StoreLocale t, String key, Object... args) {
        Object[] marks = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            marks[i] = "@@" + i + "@@";
        }
        String html = Html.esc(t.t(key, marks));
        for (int i = 0; i < args.length; i++) {
            html = html.replace("@@" + i + "@@", "<strong>" + Html.esc(String.valueOf(args[i])) + "</strong>");
        }
        return html;
    }

    /** The name of the delivery rate the platform creates for a new store (ShippingSettings). */
    static final String STANDARD_NAME = "Standard delivery";

    private Words() {}

    public static String stock(StoreLocale t, Product p, Variant v) {
        if (v.stock() > 0) {
            return t.plural("inStock", v.stock());
        }
        return p.sellWhenSoldOut() ? t.t("toOrder") : t.t("soldOut");
    }

    public static String method(StoreLocale t, PaymentMethod m) {
        return t.t("method." + m.name());
    }

    public static String payment(StoreLocale t, PaymentStatus s) {
        return t.t("payment." + s.name());
    }

    public static String fulfilment(StoreLocale t, FulfilmentStatus s) {
        return t.t("fulfilment." + s.name());
    }

    /** The owner's name for a delivery option, or the store's word for the one the platform made. */
    public static String shipping(StoreLocale t, ShippingOption o) {
        return shipping(t, o.label());
    }

    public static String shipping(StoreLocale t, String label) {
        return STANDARD_NAME.equals(label) ? t.t("shipping.standard") : label;
    }

    /** A country's name in the store's language (the JDK's CLDR names). */
    public static String country(StoreLocale t, String code) {
        String name = new Locale("", code).getDisplayCountry(t.locale());
        return name.isEmpty() ? code : name;
    }
}
