package io.dukan.shop.checkout;

import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;

/** The owner's display-currency page (admin/currencies.jte). */
public final class CurrenciesAdminViews {

    public record Currencies(String currency, String text, String error, boolean saved) {}

    private CurrenciesAdminViews() {}

    public static String currencies(
            StoreSettings s, String base, String text, String error, String saved, String csrf) {
        return AdminPages.render(
                "admin/currencies.jte",
                AdminPages.chrome(s, base, csrf),
                new Currencies(s.currency(), text, error, saved != null));
    }
}
