package io.dukan.shop.settings;

import io.dukan.core.account.Permission;
import io.dukan.core.account.Session;
import io.dukan.core.catalog.ShopCatalog;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.LowStockMarks;
import io.dukan.core.tenant.SettingsService;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.core.tenant.UpdateSettingsCommand;
import io.dukan.shop.web.AdminAccess;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The owner's store settings: name, logo, contact details, currency, storefront language, and the store's one
 * low-stock level (the owner's e-mail and the dashboard's low-stock list both use it; kept by {@link LowStockMarks}).
 */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin/settings")
class SettingsAdminController {

    private final ThisStore store;
    private final AdminAccess access;
    private final SettingsService settings;
    private final ShopCatalog catalog;
    private final Csrf csrf;
    private final LowStockMarks lowStock;

    SettingsAdminController(
            ThisStore store,
            AdminAccess access,
            SettingsService settings,
            ShopCatalog catalog,
            Csrf csrf,
            LowStockMarks lowStock) {
        this.lowStock = lowStock;
        this.store = store;
        this.access = access;
        this.settings = settings;
        this.catalog = catalog;
        this.csrf = csrf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, @QueryValue @Nullable String saved) {
        return Pages.html(
                HttpStatus.OK,
                render(
                        request,
                        Map.of(),
                        saved != null ? AdminPages.locale(store.settings()).t("settings.saved") : null,
                        false));
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> save(HttpRequest<?> request, @Body @Nullable String body) {
        Optional<Session> session = Optional.of(access.signedIn(request));
        Form form = Form.parse(body);
        String logoKey = "1".equals(form.get("removeLogo")) ? "" : form.getOrEmpty("logoKey");
        try {
            Integer threshold = threshold(form.get("lowStockThreshold"));
            StoreSettings updated = settings.update(
                    store.id(),
                    session.get().email(),
                    new UpdateSettingsCommand(
                            form.get("name"),
                            form.get("phone"),
                            form.get("whatsapp"),
                            form.get("email"),
                            form.get("address"),
                            form.get("currency"),
                            form.get("language"),
                            logoKey,
                            UpdateSettingsCommand.LANGUAGES.stream()
                                    .filter(l -> "1".equals(form.get("lang_" + l)))
                                    .toList(),
                            descriptions(form)));
            store.saved(updated);
            if (threshold != null) {
                lowStock.setThreshold(store.id(), threshold); // a no-op when unchanged (the marks stay)
            }
            return HttpResponse.<String>seeOther(URI.create(base(request) + "/admin/settings?saved=1"));
        } catch (InvalidInputException | ConflictException refused) {
            HttpStatus status = refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            Map<String, String> typed = new HashMap<>();
            for (String field : new String[] {
                "name", "phone", "whatsapp", "email", "address", "currency", "language", "lowStockThreshold"
            }) {
                typed.put(field, form.getOrEmpty(field));
            }
            typed.put("logoKey", logoKey);
            for (String l : UpdateSettingsCommand.LANGUAGES) {
                typed.put("lang_" + l, form.getOrEmpty("lang_" + l));
                typed.put("description_" + l, form.getOrEmpty("description_" + l));
            }
            return Pages.html(status, render(request, typed, AdminPages.problem(store.settings(), refused), true));
        }
    }

    private String render(HttpRequest<?> request, Map<String, String> typed, String message, boolean error) {
        StoreSettings current = store.settings();
        return SettingsViews.settings(
                current,
                base(request),
                catalog.logoUrl(store.id(), current.contact().logoKey()),
                lowStock.threshold(store.id()),
                typed,
                message,
                error,
                csrf.token(request));
    }

    /** The low-stock level as typed: null when the form has no such field (it is then left as it is). */
    private static Integer threshold(String typed) {
        if (typed == null) {
            return null;
        }
        String text = typed.strip();
        if (!text.matches("\\d{1,3}")) {
            throw new InvalidInputException(
                    "lowStockThreshold",
                    "the low-stock level must be a whole number from 0 to " + LowStockMarks.MAX_THRESHOLD);
        }
        return Integer.parseInt(text);
    }

    /** The store's description per language, as typed ("" for none). */
    private static Map<String, String> descriptions(Form form) {
        Map<String, String> out = new HashMap<>();
        for (String l : UpdateSettingsCommand.LANGUAGES) {
            String d = form.get("description_" + l);
            if (d != null) {
                out.put(l, d);
            }
        }
        return out;
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
