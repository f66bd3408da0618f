package io.dukan.shop.staff;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.catalog.Product;
import io.dukan.core.insight.StoreFigures;
import io.dukan.core.order.Order;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.setup.SetupGuide;
import io.dukan.shop.web.AdminPages;
import java.util.List;

/**
 * The admin's home: the setup guide (owner), recent orders, products, what the team did lately. Template:
 * admin/dashboard.jte (the guide: admin/setup.jte).
 */
public final class DashboardViews {

    /**
     * What the dashboard shows. {@code setup}: the setup guide, null for people who may not change the store's
     * settings; {@code figures}: the order figures (admin/figures.jte), null for a role that may not see them.
     */
    public record Dashboard(
            List<Order> orders,
            List<Product> products,
            List<AuditEntry> activity,
            boolean mayManageStaff,
            SetupGuide setup,
            StoreFigures figures) {}

    private DashboardViews() {}

    public static String dashboard(StoreSettings s, String base, String csrf, Dashboard dashboard) {
        return AdminPages.render("admin/dashboard.jte", AdminPages.chrome(s, base, csrf), dashboard);
    }
}
