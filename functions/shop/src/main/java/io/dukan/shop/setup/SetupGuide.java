package io.dukan.shop.setup;

import io.dukan.core.catalog.Product;
import io.dukan.core.order.Order;
import io.dukan.core.tenant.SetupFlags;
import io.dukan.core.tenant.StoreSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The owner's first steps on the admin home, each worked out from the store's own data: a product with a photo,
 * delivery zones saved, payment methods chosen, WhatsApp and a contact, a (test) order placed, the store's link
 * shared. {@code storeUrl} is the store's address (for the share link and the QR code).
 */
public record SetupGuide(List<Step> steps, SetupFlags flags, String storeUrl, String shareText) {

    /** One step: its name (message key suffix), whether it is done, and the admin path that does it. */
    public record Step(String name, boolean done, String path) {}

    public static SetupGuide of(
            StoreSettings s,
            List<Product> products,
            List<Order> orders,
            boolean deliverySaved,
            boolean paymentsChosen,
            SetupFlags flags,
            String storeUrl,
            String shareText) {
        StoreSettings.StoreContact c = s.contact();
        boolean contact =
                !c.whatsapp().isEmpty() && !(c.email().isEmpty() && c.phone().isEmpty());
        return new SetupGuide(
                List.of(
                        new Step("product", products.stream().anyMatch(Product::hasImage), "/admin/products/new"),
                        new Step("delivery", deliverySaved, "/admin/shipping"),
                        new Step("payments", paymentsChosen, "/admin/payments"),
                        new Step("contact", contact, "/admin/settings"),
                        new Step("order", !orders.isEmpty(), "/"),
                        new Step("share", flags.shared(), "/admin#share")),
                flags,
                storeUrl,
                shareText);
    }

    public long done() {
        return steps.stream().filter(Step::done).count();
    }

    public boolean complete() {
        return done() == steps.size();
    }

    /** A WhatsApp link that opens a chat picker with the text and the store's address filled in. */
    public String whatsappShare() {
        return "https://wa.me/?text="
                + URLEncoder.encode(shareText + " " + storeUrl, StandardCharsets.UTF_8)
                        .replace("+", "%20");
    }

    /** The QR code of the store's address, as inline SVG. */
    public String qrSvg(String title) {
        return StoreQr.svg(storeUrl, title);
    }
}
