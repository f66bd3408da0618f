package io.dukan.shop.staff;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.catalog.Product;
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
    public record Dashboard(
            List<Order> orders,
            List<Product> products,
            List<AuditEntry> activity,
            boolean mayManageStaff,
            SetupGuide setup) {}

    private DashboardViews() {}

    public static String dashboard(
            StoreSettings s,
            String base,
            List<Product> products,
            List<Order> orders,
            List<AuditEntry> activity,
            String csrf,
            boolean mayManageStaff) {
        return dashboard(s, base, products, orders, activity, csrf, mayManageStaff, null);
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
        return AdminPages.render(
                "admin/dashboard.jte",
                AdminPages.chrome(s, base, csrf),
                new Dashboard(orders, products, activity, mayManageStaff, setup));
    }
}
