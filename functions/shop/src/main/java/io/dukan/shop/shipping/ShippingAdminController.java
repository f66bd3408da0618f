package io.dukan.shop;

import io.dukan.core.account.Permission;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.checkout.DisplayCurrencies;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.checkout.PaymentSettingsCommand;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.shipping.ShippingZoneCommand;
import io.dukan.core.tenant.StoreSettings;
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
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The owner's checkout settings: shipping zones and rates, payment methods, display currencies. */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin")
class CheckoutAdminController {

    private final ThisStore store;
    private final ShippingService shipping;
    private final CheckoutSettingsService settings;
    private final Csrf csrf;

    CheckoutAdminController(ThisStore store, ShippingService shipping,
            CheckoutSettingsService settings, Csrf csrf) {
        this.store = store;
        this.shipping = shipping;
        this.settings = settings;
        this.csrf = csrf;
    }

    @Get(value = "/shipping", produces = MediaType.TEXT_HTML)
    HttpResponse<String> shippingPage(HttpRequest<?> request) {
        StoreSettings s = store.settings();
        return Pages.html(HttpStatus.OK, CheckoutAdminViews.shipping(s, base(request), shipping.settings(s), null, null,
                Map.of(), csrf.token(request)));
    }

    /** Adds a zone (no zoneId) or replaces one. */
    @Post(value = "/shipping/zones", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> saveZone(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        StoreSettings s = store.settings();
        List<ShippingZoneCommand.RateRow> rows = new ArrayList<>();
        Map<String, String> typed = new HashMap<>();
        typed.put("name", form.getOrEmpty("name"));
        typed.put("areas", form.getOrEmpty("areas"));
        for (int i = 0; i < CheckoutAdminViews.RATE_ROWS; i++) {
            String p = "rate" + i;
            rows.add(new ShippingZoneCommand.RateRow(form.get(p + "Id"), form.get(p + "Name"), form.get(p + "Kind"),
                    form.get(p + "Price"), form.get(p + "Bands"), form.get(p + "FreeAbove")));
            for (String f : new String[] {"Name", "Kind", "Price", "Bands", "FreeAbove"}) {
                typed.put(p + f, form.getOrEmpty(p + f));
            }
        }
        try {
            shipping.saveZone(s, ShippingZoneCommand.of(form.get("zoneId"), form.get("name"), form.get("areas"), rows,
                    s.currency()));
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/shipping"));
        } catch (InvalidInputException e) {
            return Pages.html(HttpStatus.BAD_REQUEST, CheckoutAdminViews.shipping(s, base(request), shipping.settings(s),
                    AdminPages.problem(s, e), form.getOrEmpty("zoneId"), typed, csrf.token(request)));
        }
    }

    @Post(value = "/shipping/zones/{zoneId}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> deleteZone(HttpRequest<?> request, String zoneId, @Body @Nullable String body) {
        StoreSettings s = store.settings();
        try {
            shipping.deleteZone(s, zoneId);
        } catch (InvalidInputException e) {
            return Pages.html(HttpStatus.BAD_REQUEST, CheckoutAdminViews.shipping(s, base(request), shipping.settings(s),
                    AdminPages.problem(s, e), null, Map.of(), csrf.token(request)));
        }
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/shipping"));
    }

    @Get(value = "/payments", produces = MediaType.TEXT_HTML)
    HttpResponse<String> paymentsPage(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, CheckoutAdminViews.payments(store.settings(), base(request),
                settings.payments(store.id()), null, null, csrf.token(request)));
    }

    @Post(value = "/payments", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> savePayments(HttpRequest<?> request, @Body @Nullable String body) {
        StoreSettings s = store.settings();
        Form form = Form.parse(body);
        boolean cod = "on".equals(form.get("cashOnDelivery"));
        boolean bank = "on".equals(form.get("bankTransfer"));
        try {
            PaymentSettings saved = settings.updatePayments(store.id(), PaymentSettingsCommand.of(cod, bank,
                    form.get("accountName"), form.get("bankName"), form.get("accountNumber"), form.get("instructions")));
            return Pages.html(HttpStatus.OK, CheckoutAdminViews.payments(store.settings(), base(request), saved, null,
                    "Saved.", csrf.token(request)));
        } catch (InvalidInputException e) {
            PaymentSettings typed = new PaymentSettings(cod, bank, new PaymentSettings.BankTransferDetails(
                    form.getOrEmpty("accountName"), form.getOrEmpty("bankName"), form.getOrEmpty("accountNumber"),
                    form.getOrEmpty("instructions")));
            return Pages.html(HttpStatus.BAD_REQUEST, CheckoutAdminViews.payments(store.settings(), base(request), typed,
                    AdminPages.problem(s, e), null, csrf.token(request)));
        }
    }

    @Get(value = "/currencies", produces = MediaType.TEXT_HTML)
    HttpResponse<String> currenciesPage(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, CheckoutAdminViews.currencies(store.settings(), base(request),
                settings.currencies(store.id()).text(), null, null, csrf.token(request)));
    }

    @Post(value = "/currencies", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> saveCurrencies(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        StoreSettings s = store.settings();
        try {
            if (form.get("rates") == null) {
                throw new InvalidInputException("rates", "rates is required (leave it empty to turn display currencies off)");
            }
            DisplayCurrencies saved = settings.updateCurrencies(store.settings(), form.get("rates"));
            store.savedCurrencies(saved);
            String text = saved.text();
            return Pages.html(HttpStatus.OK, CheckoutAdminViews.currencies(store.settings(), base(request), text, null,
                    "Saved.", csrf.token(request)));
        } catch (InvalidInputException e) {
            return Pages.html(HttpStatus.BAD_REQUEST, CheckoutAdminViews.currencies(store.settings(), base(request),
                    form.getOrEmpty("rates"), AdminPages.problem(s, e), null, csrf.token(request)));
        }
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
