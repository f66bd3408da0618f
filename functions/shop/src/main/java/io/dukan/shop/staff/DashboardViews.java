package io.dukan.shop.staff;

import io.dukan.core.account.AuditEntry;
import io.dukan.core.catalog.Product;
import io.dukan.core.order.Order;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.web.AdminPages;
import java.util.List;

/** The admin's home: recent orders, products, what the team did lately. Template: admin/dashboard.jte. */
public final class DashboardViews {

    public record Dashboard(
            List<Order> orders, List<Product> products, List<AuditEntry> activity, boolean mayManageStaff) {}

    private DashboardViews() {}

    public static String dashboard(
            StoreSettings s,
            String base,
            List<Product> products,
            List<Order> orders,
            List<AuditEntry> activity,
            String csrf,
            boolean mayManageStaff) {
        return AdminPages.render(
                "admin/dashboard.jte",
                AdminPages.chrome(s, base, csrf),
                new Dashboard(orders, products, activity, mayManageStaff));
    }
}
