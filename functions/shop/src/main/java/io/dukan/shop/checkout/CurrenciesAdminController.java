package io.dukan.shop.checkout;

import io.dukan.core.account.Permission;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.tenant.StoreSettings;
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

/** The owner's display currencies: rates a shopper may see prices in besides the store's own (admin/currencies.jte). */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin")
class CurrenciesAdminController {

    private final ThisStore store;
    private final CheckoutSettingsService settings;
    private final Csrf csrf;

    CurrenciesAdminController(ThisStore store, CheckoutSettingsService settings, Csrf csrf) {
        this.store = store;
        this.settings = settings;
        this.csrf = csrf;
    }

    @Get(value = "/currencies", produces = MediaType.TEXT_HTML)
    HttpResponse<String> currenciesPage(HttpRequest<?> request) {
        return Pages.html(
                HttpStatus.OK,
                CurrenciesAdminViews.currencies(
                        store.settings(),
                        base(request),
                        settings.currencies(store.id()).text(),
                        null,
                        null,
                        csrf.token(request)));
    }

    @Post(value = "/currencies", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> saveCurrencies(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        StoreSettings s = store.settings();
        try {
            if (form.get("rates") == null) {
                throw new InvalidInputException(
                        "rates", "rates is required (leave it empty to turn display currencies off)");
            }
            DisplayCurrencies saved = settings.updateCurrencies(store.settings(), form.get("rates"));
            store.savedCurrencies(saved);
            String text = saved.text();
            return Pages.html(
                    HttpStatus.OK,
                    CurrenciesAdminViews.currencies(
                            store.settings(), base(request), text, null, "Saved.", csrf.token(request)));
        } catch (InvalidInputException e) {
            return Pages.html(
                    HttpStatus.BAD_REQUEST,
                    CurrenciesAdminViews.currencies(
                            store.settings(),
                            base(request),
                            form.getOrEmpty("rates"),
                            AdminPages.problem(s, e),
                            null,
                            csrf.token(request)));
        }
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
