package io.dukan.shop.payments;

import io.dukan.core.account.Permission;
import io.dukan.core.payment.PaymentProvider;
import io.dukan.core.payment.PaymentService;
import io.dukan.core.payment.ProviderEvent;
import io.dukan.core.payment.ProviderKeys;
import io.dukan.core.payment.ProviderKeysRepository;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.dukan.web.access.CsrfExempt;
import io.dukan.web.access.Public;
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
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Card payments: the owner's page for the Stripe keys, and Stripe's webhook. The webhook has no CSRF token and
 * no session: its signature, made with this store's webhook secret over the exact body, is what admits it.
 */
@Controller("/s/{store}")
class PaymentsController {

    private final ThisStore store;
    private final PaymentProvider stripe;
    private final PaymentService payments;
    private final ProviderKeysRepository keys;
    private final Csrf csrf;

    PaymentsController(
            ThisStore store, PaymentProvider stripe, PaymentService payments, ProviderKeysRepository keys, Csrf csrf) {
        this.store = store;
        this.stripe = stripe;
        this.payments = payments;
        this.keys = keys;
        this.csrf = csrf;
    }

    @Public
    @CsrfExempt("authenticated by the Stripe-Signature header over the body, not a cookie")
    @Post(value = "/payments/stripe/webhook", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, String>> webhook(HttpRequest<?> request, @Body @Nullable String body) {
        // API Gateway hands the body over as text; Stripe sends UTF-8 JSON, so these are the bytes it signed.
        byte[] payload = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        request.getHeaders().forEachValue(headers::putIfAbsent);
        ProviderEvent event = stripe.verify(store.id(), payload, headers);
        PaymentService.Outcome outcome = payments.apply(store.id(), stripe.name(), event);
        return HttpResponse.ok(
                Map.of("received", "true", "outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
    }

    @Allow(Permission.PAYOUTS)
    @Get(value = "/admin/stripe", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, view(request, null));
    }

    @Allow(Permission.PAYOUTS)
    @Post(value = "/admin/stripe", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> save(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            keys.save(store.id(), new ProviderKeys(stripe.name(), form.get("secretKey"), form.get("webhookSecret")));
        } catch (InvalidInputException e) {
            return Pages.html(HttpStatus.BAD_REQUEST, view(request, AdminPages.problem(store.settings(), e)));
        }
        return HttpResponse.seeOther(URI.create(base(request) + "/admin/stripe"));
    }

    private String view(HttpRequest<?> request, String error) {
        Optional<ProviderKeys> stored = keys.find(store.id(), stripe.name());
        String webhookUrl = (Requests.secure(request) ? "https" : "http") + "://" + Requests.host(request)
                + base(request) + "/payments/stripe/webhook";
        return PaymentsViews.stripe(
                store.settings(),
                base(request),
                stored.map(k -> ProviderKeys.masked(k.secretKey())).orElse(null),
                stored.map(k -> ProviderKeys.masked(k.webhookSecret())).orElse(null),
                webhookUrl,
                error,
                csrf.token(request));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
