package io.dukan.shop;

import io.dukan.web.Requests;
import io.dukan.web.ErrorPageRenderer;
import io.dukan.web.Html;
import io.dukan.web.Pages;
import io.dukan.core.tenant.StoreSettings;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

/** Error pages in the store's own look, with a way back to its home page. */
@Singleton
class ShopErrorPages implements ErrorPageRenderer {

    private final ThisStore store;

    ShopErrorPages(ThisStore store) {
        this.store = store;
    }

    @Override
    public MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String title, String message) {
        String base = Requests.storeBase(request, store.slug().value());
        if (AdminErrorPages.isAdmin(request)) {
            try {
                return AdminErrorPages.render(store.settings(), base, status, title, message);
            } catch (RuntimeException settingsUnavailable) {
                // below: the plain page, which needs no settings
            }
        }
        String storeName;
        String language;
        try {
            StoreSettings settings = store.settings();
            storeName = settings.name();
            language = settings.language();
        } catch (RuntimeException settingsUnavailable) {
            // the error page must render even when the store's settings cannot be read (the likely cause)
            storeName = store.slug().value();
            language = "en";
        }
        String body = "<h1>" + Html.esc(title) + "</h1><p class=\"error\">" + Html.esc(message) + "</p>"
                + "<p><a href=\"" + Html.esc(base) + "/\">Back to " + Html.esc(storeName) + "</a></p>";
        return Pages.html(status, Pages.page(language, title + " · " + storeName,
                "<a href=\"" + Html.esc(base) + "/\">" + Html.esc(storeName) + "</a>", body));
    }

    MutableHttpResponse<String> notFound(HttpRequest<?> request) {
        return Pages.error(HttpStatus.NOT_FOUND, "Not found", "There is no such store or page.", "/");
    }
}
