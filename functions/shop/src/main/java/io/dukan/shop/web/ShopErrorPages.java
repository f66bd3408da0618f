package io.dukan.shop.web;

import io.dukan.core.tenant.StoreSettings;
import io.dukan.web.ErrorPageRenderer;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.StoreLocale;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Error pages in the store's own look and language, with a way back to its home page. An English store reads the
 * precise sentence the error carries; other languages the store's words for that kind of error.
 */
@Singleton
public class ShopErrorPages implements ErrorPageRenderer {

    /** The statuses the message tables have words for (error.{status}.title / .text). */
    private static final Set<Integer> WORDED = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503);

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
        StoreLocale t;
        String storeName;
        StoreSettings.StoreContact contact;
        try {
            StoreSettings settings = store.settings();
            storeName = settings.name();
            t = ShopPages.locale(settings);
            contact = settings.contact();
        } catch (RuntimeException settingsUnavailable) {
            // the error page must render even when the store's settings cannot be read (the likely cause)
            storeName = store.slug().value();
            t = StoreLocale.of("en", "", ShopPages.BUNDLES);
            contact = null;
        }
        return Pages.html(status, page(t, storeName, base, contact, status.getCode(), title, message));
    }

    /** The shopper API's problem titles in the store's language (English: the reason phrase, as before). */
    @Override
    public String problemTitle(HttpRequest<?> request, HttpStatus status) {
        try {
            StoreLocale t = ShopPages.locale(store.settings());
            if (t.language() != Language.EN) {
                int code = status.getCode();
                return t.t("error." + (WORDED.contains(code) ? code : code >= 500 ? 500 : 400) + ".title");
            }
        } catch (RuntimeException settingsUnavailable) {
            // the reason phrase, below
        }
        return status.getReason();
    }

    /** The page for {@code status}: an English store's own sentence, else the store's words for the status. */
    public static String page(
            StoreLocale t,
            String storeName,
            String base,
            StoreSettings.StoreContact contact,
            int status,
            String title,
            String message) {
        int code = WORDED.contains(status) ? status : status >= 500 ? 500 : 400;
        String heading = t.language() == Language.EN ? title : t.t("error." + code + ".title");
        String text = t.language() == Language.EN ? message : t.t("error." + code + ".text");
        ShopPage page =
                new ShopPage(t, storeName, base, heading + " · " + storeName, text, null, null, null, null, contact);
        return ShopPages.render("error.jte", page, "heading", heading, "message", text);
    }

    /** Another store's path: a plain page that says nothing of this store. */
    MutableHttpResponse<String> notFound(HttpRequest<?> request) {
        return Pages.error(HttpStatus.NOT_FOUND, "Not found", "There is no such store or page.", "/");
    }
}
