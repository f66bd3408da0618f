package io.dukan.shop.shipping;

import io.dukan.core.account.Permission;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shipping.ShippingService;
import io.dukan.core.shipping.ShippingZoneCommand;
import io.dukan.core.tenant.StoreSettings;
import io.dukan.shop.storefront.TradeFacts;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The owner's shipping zones and rates (admin/shipping.jte). */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin")
class ShippingAdminController {

    private final ThisStore store;
    private final ShippingService shipping;
    private final Csrf csrf;
    private final TradeFacts tradeFacts;

    ShippingAdminController(ThisStore store, ShippingService shipping, Csrf csrf, TradeFacts tradeFacts) {
        this.store = store;
        this.shipping = shipping;
        this.csrf = csrf;
        this.tradeFacts = tradeFacts;
    }

    @Get(value = "/shipping", produces = MediaType.TEXT_HTML)
    HttpResponse<String> shippingPage(HttpRequest<?> request, @QueryValue @Nullable String saved) {
        StoreSettings s = store.settings();
        String done = "zone".equals(saved) || "deleted".equals(saved) ? saved : null;
        return Pages.html(
                HttpStatus.OK,
                ShippingAdminViews.shipping(
                        s, base(request), shipping.settings(s), null, null, Map.of(), csrf.token(request), done));
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
        for (int i = 0; i < ShippingAdminViews.RATE_ROWS; i++) {
            String p = "rate" + i;
            rows.add(new ShippingZoneCommand.RateRow(
                    form.get(p + "Id"),
                    form.get(p + "Name"),
                    form.get(p + "Kind"),
                    form.get(p + "Price"),
                    form.get(p + "Bands"),
                    form.get(p + "FreeAbove")));
            for (String f : new String[] {"Name", "Kind", "Price", "Bands", "FreeAbove"}) {
                typed.put(p + f, form.getOrEmpty(p + f));
            }
            if (form.get(p + "Remove") != null) { // "Remove this rate": the row is left out of the zone
                rows.set(i, new ShippingZoneCommand.RateRow(null, null, null, null, null, null));
                typed.put(p + "Name", "");
            }
        }
        int typedRows = 0;
        for (int i = 0; i < ShippingAdminViews.RATE_ROWS; i++) {
            if (form.get("rate" + i + "Kind") != null) {
                typedRows = i + 1;
            }
        }
        if (form.get("more") != null) { // "Add another rate": the same form with one more row, nothing saved
            typed.put("rows", Integer.toString(typedRows + 1));
            return Pages.html(
                    HttpStatus.OK,
                    ShippingAdminViews.shipping(
                            s,
                            base(request),
                            shipping.settings(s),
                            null,
                            form.getOrEmpty("zoneId"),
                            typed,
                            csrf.token(request)));
        }
        typed.put("rows", Integer.toString(Math.max(typedRows, 1)));
        try {
            tradeFacts.zonesSaved(shipping.saveZone(
                    s,
                    ShippingZoneCommand.of(
                            form.get("zoneId"), form.get("name"), form.get("areas"), rows, s.currency())));
            return HttpResponse.seeOther(URI.create(base(request) + "/admin/shipping?saved=zone"));
        } catch (InvalidInputException e) {
            return Pages.html(
                    HttpStatus.BAD_REQUEST,
                    ShippingAdminViews.shipping(
                            s,
                            base(request),
                            shipping.settings(s),
                            AdminPages.problem(s, e),
                            form.getOrEmpty("zoneId"),
                            typed,
                            csrf.token(request)));
        }
    }

    @Post(
            value = "/shipping/zones/{zoneId}/delete",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<String> deleteZone(HttpRequest<?> request, String zoneId, @Body @Nullable String body) {
        StoreSettings s = store.settings();
        try {
            tradeFacts.zonesSaved(shipping.deleteZone(s, zoneId));
        } catch (InvalidInputException e) {
            return Pages.html(
                    HttpStatus.BAD_REQUEST,
                    ShippingAdminViews.shipping(
                            s,
                            base(request),
                            shipping.settings(s),
                            AdminPages.problem(s, e),
                            null,
                            Map.of(),
                            csrf.token(request)));
        }
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/shipping?saved=deleted"));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
