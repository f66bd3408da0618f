package io.dukan.shop.payments;

import io.dukan.core.account.Permission;
import io.dukan.core.checkout.CheckoutSettingsService;
import io.dukan.core.checkout.PaymentSettings;
import io.dukan.core.checkout.PaymentSettingsCommand;
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

/** The owner's payment methods: cash on delivery and bank transfer with its details (admin/payments.jte). */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin")
class PaymentMethodsController {

    private final ThisStore store;
    private final CheckoutSettingsService settings;
    private final Csrf csrf;

    PaymentMethodsController(ThisStore store, CheckoutSettingsService settings, Csrf csrf) {
        this.store = store;
        this.settings = settings;
        this.csrf = csrf;
    }

    @Get(value = "/payments", produces = MediaType.TEXT_HTML)
    HttpResponse<String> paymentsPage(HttpRequest<?> request) {
        return Pages.html(
                HttpStatus.OK,
                PaymentsViews.paymentMethods(
                        store.settings(),
                        base(request),
                        settings.payments(store.id()),
                        null,
                        null,
                        csrf.token(request)));
    }

    @Post(value = "/payments", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> savePayments(HttpRequest<?> request, @Body @Nullable String body) {
        StoreSettings s = store.settings();
        Form form = Form.parse(body);
        boolean cod = "on".equals(form.get("cashOnDelivery"));
        boolean bank = "on".equals(form.get("bankTransfer"));
        try {
            PaymentSettings saved = settings.updatePayments(
                    store.id(),
                    PaymentSettingsCommand.of(
                            cod,
                            bank,
                            form.get("accountName"),
                            form.get("bankName"),
                            form.get("accountNumber"),
                            form.get("instructions")));
            return Pages.html(
                    HttpStatus.OK,
                    PaymentsViews.paymentMethods(
                            store.settings(), base(request), saved, null, "Saved.", csrf.token(request)));
        } catch (InvalidInputException e) {
            PaymentSettings typed = new PaymentSettings(
                    cod,
                    bank,
                    new PaymentSettings.BankTransferDetails(
                            form.getOrEmpty("accountName"),
                            form.getOrEmpty("bankName"),
                            form.getOrEmpty("accountNumber"),
                            form.getOrEmpty("instructions")));
            return Pages.html(
                    HttpStatus.BAD_REQUEST,
                    PaymentsViews.paymentMethods(
                            store.settings(),
                            base(request),
                            typed,
                            AdminPages.problem(s, e),
                            null,
                            csrf.token(request)));
        }
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
