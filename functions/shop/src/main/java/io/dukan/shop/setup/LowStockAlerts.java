package io.dukan.shop.setup;

import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductRepository;
import io.dukan.core.catalog.Variant;
import io.dukan.core.notify.EmailMessage;
import io.dukan.core.notify.EmailSender;
import io.dukan.core.order.Order;
import io.dukan.core.order.OrderLine;
import io.dukan.core.tenant.LowStockMarks;
import io.dukan.core.tenant.OwnerAddress;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner's low-stock alert: after an order, each variant it took that is now at or below the store's threshold (the
 * one level set in the settings, which the dashboard's low-stock list uses too) is reported once (one e-mail per order
 * listing them), to the contact e-mail, else the owner's sign-in address. The crossing is a conditional mark ({@link
 * LowStockMarks#mark}); any write that raises the variant's stock above the threshold again (the editor, the JSON API,
 * a cancelled or expired order's restock) takes the mark off on the table's stream (the insight function's {@code
 * InsightAggregator}), so the next crossing is reported again. Never fails the order.
 */
@Singleton
public class LowStockAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(LowStockAlerts.class);

    private final ProductRepository products;
    private final LowStockMarks marks;
    private final OwnerAddress owner;
    private final EmailSender email;

    LowStockAlerts(ProductRepository products, LowStockMarks marks, OwnerAddress owner, @Nullable EmailSender email) {
        this.products = products;
        this.marks = marks;
        this.owner = owner;
        this.email = email;
    }

    /** A low variant: its product, title and the stock left. */
    public record Low(String product, String variant, int stock) {}

    /** After an order was placed: marks and reports the variants it took at or below the threshold. */
    public List<Low> afterOrder(StoreSettings s, Order order, String adminProductsUrl) {
        try {
            LowStockMarks.State state = marks.state(s.tenantId());
            if (state.threshold() <= 0) {
                return List.of();
            }
            Set<String> ordered = new LinkedHashSet<>();
            order.lines().forEach(l -> ordered.add(l.variantId().value()));
            List<Low> low = new ArrayList<>();
            for (var productId :
                    order.lines().stream().map(OrderLine::productId).distinct().toList()) {
                Optional<Product> product = products.find(s.tenantId(), productId);
                if (product.isEmpty()) {
                    continue;
                }
                for (Variant v : product.get().variants()) {
                    if (ordered.contains(v.id().value())
                            && v.stock() <= state.threshold()
                            && !state.marked().contains(v.id().value())
                            && marks.mark(s.tenantId(), v.id().value())) {
                        low.add(new Low(product.get().name(), v.title(), v.stock()));
                    }
                }
            }
            if (!low.isEmpty()) {
                send(s, low, state.threshold(), adminProductsUrl);
            }
            return low;
        } catch (RuntimeException e) {
            LOG.warn("order {}: low-stock check failed", order.displayNumber(), e);
            return List.of();
        }
    }

    private void send(StoreSettings s, List<Low> low, int threshold, String adminProductsUrl) {
        Optional<String> to = s.contact().email().isBlank()
                ? owner.ownerEmail(s.tenantId())
                : Optional.of(s.contact().email().strip());
        if (to.isEmpty() || email == null) {
            LOG.info("low-stock alert not sent: no address or no e-mail sender");
            return;
        }
        StoreLocale t = AdminPages.locale(s);
        StringBuilder text = new StringBuilder(t.t("alert.lowStock.intro", t.number(threshold))).append("\n\n");
        for (Low l : low) {
            String name = l.variant().isEmpty() ? l.product() : l.product() + " — " + l.variant();
            text.append(t.plural("alert.lowStock.line", l.stock(), name)).append('\n');
        }
        text.append('\n')
                .append(t.t("alert.lowStock.open"))
                .append('\n')
                .append(adminProductsUrl)
                .append('\n');
        email.send(
                s.tenantId(),
                new EmailMessage(
                        to.get(),
                        t.t("alert.lowStock.subject", s.name(), low.get(0).product()),
                        text.toString()));
    }
}
