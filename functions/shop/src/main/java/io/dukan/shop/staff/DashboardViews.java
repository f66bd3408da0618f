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

    /** {@code setup}: the setup guide, null for people who may not change the store's settings. */
    /** {@code figures}: the order figures (admin/figures.jte), or null for a role that may not see them. */
    public record Dashboard(
            List<Order> orders,
            List<Product> products,
            List<AuditEntry> activity,
            boolean mayManageStaff,
            SetupGuide setup,
            StoreFigures figures) {}

    private DashboardViews() {}

    public static String dashboard(
            StoreSettings s,
            String base,
            List<Product> products,
            List<Order> orders,
            List<AuditEntry> activity,
            String csrf,
            boolean mayManageStaff) {
        return dashboard(s, base, products, orders, activity, csrf, mayManageStaff, null, null);
    }

    public static String dashboard(
            StoreSettings s,
            String base,
            List<Product> products,
            List<Order> orders,
            List<AuditEntry> activity,
            String csrf,
            boolean mayManageStaff,
            SetupGuide setup) {
        return dashboard(s, base, products, orders, activity, csrf, mayManageStaff, setup, null);
    }

    public static String dashboard(
            StoreSettings s,
            String base,
            List<Product> products,
            List<Order> orders,
            List<AuditEntry> activity,
            String csrf,
            boolean mayManageStaff,
            StoreFigures figures) {
        return dashboard(s, base, products, orders, activity, csrf, mayManageStaff, null, figures);
    }

    public static String dashboard(
            StoreSettings s,
            String base,
            List<Product> products,
            List<Order> orders,
            List<AuditEntry> activity,
            String csrf,
            boolean mayManageStaff,
            SetupGuide setup,
            StoreFigures figures) {
        return AdminPages.render(
                "admin/dashboard.jte",
                AdminPages.chrome(s, base, csrf),
                new Dashboard(orders, products, activity, mayManageStaff, setup, figures));
    }
}
