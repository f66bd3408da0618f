package io.dukan.shop.setup;

import io.dukan.core.catalog.Product;
import io.dukan.core.checkout.CheckoutSettingsRepository;
import io.dukan.core.order.Order;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.tenant.SetupFlags;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminLinks;
import io.dukan.shop.web.AdminPages;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Works out the setup guide for the admin home from what the dashboard already read (products, recent orders) and
 * three small reads: the shipping item, the payment-settings item and the guide's flags.
 */
@Singleton
public class SetupGuides {

    private final ShippingService shipping;
    private final CheckoutSettingsRepository checkout;
    private final SetupFlags.Repository flags;
    private final AdminLinks links;

    SetupGuides(
            ShippingService shipping,
            CheckoutSettingsRepository checkout,
            SetupFlags.Repository flags,
            AdminLinks links) {
        this.shipping = shipping;
        this.checkout = checkout;
        this.flags = flags;
        this.links = links;
    }

    public SetupGuide guide(StoreSettings s, List<Product> products, List<Order> orders) {
        return SetupGuide.of(
                s,
                products,
                orders,
                shipping.settings(s).configured(),
                checkout.payments(s.tenantId()).isPresent(),
                flags.flags(s.tenantId()),
                links.storeUrl(),
                AdminPages.locale(s).t("setup.shareText", s.name()));
    }
}
