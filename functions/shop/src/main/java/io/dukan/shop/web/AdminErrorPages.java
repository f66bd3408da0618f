package io.dukan.shop.web;

import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.Pages;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/**
 * Error pages inside the admin (403 for a role without the permission, 404 for another store's order, …), in the
 * admin's look and the store's language. English stores read the exact sentence the error carries; other
 * languages read the status's sentence from the admin table (the exact English rule would be a foreign word).
 */
public final class AdminErrorPages {

    private AdminErrorPages() {}

    static boolean isAdmin(HttpRequest<?> request) {
        String path = request.getPath();
        return path.contains("/admin/") || path.endsWith("/admin");
    }

    public static MutableHttpResponse<String> render(
            StoreSettings s, String base, HttpStatus status, String title, String message) {
        StoreLocale t = AdminPages.locale(s);
        String[] words = {title, message};
        if (t.language() != Language.EN) {
            String code = Integer.toString(status.getCode());
            words[0] = t.messages().has("error.title." + code) ? t.t("error.title." + code) : t.t("error.title.other");
            words[1] = t.messages().has("error.message." + code)
                    ? t.t("error.message." + code)
                    : t.t("error.message.other");
        }
        return Pages.html(status, AdminPages.render("admin/error.jte", AdminPages.bare(s, base), words));
    }
}
