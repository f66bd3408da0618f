package io.dukan.provisioning;

import io.dukan.core.signup.SignupGate;
import io.dukan.core.signup.SignupLimitedException;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.SignupCommand;
import io.dukan.core.tenant.Store;
import io.dukan.web.Problem;
import io.dukan.web.access.CsrfExempt;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.serde.annotation.Serdeable;

/**
 * Signup as a JSON API. An {@code Idempotency-Key} header (or field) makes a retried signup answer exactly as the
 * first call did, with the same store: 201 ACTIVE, 202 while still provisioning, 502 problem when it failed.
 */
@CsrfExempt("JSON only, and no cookie authorises it: another site's page cannot send application/json")
@Controller(value = "/api/stores", produces = MediaType.APPLICATION_JSON)
class StoresApiController {

    private final ProvisioningService provisioning;
    private final SignupGate gate;
    private final StoreLinks links;

    StoresApiController(ProvisioningService provisioning, SignupGate gate, StoreLinks links) {
        this.provisioning = provisioning;
        this.gate = gate;
        this.links = links;
    }

    /** A signup that is not a store yet: its link was mailed, or it waits for an operator. */
    @Serdeable
    record PendingJson(String status, String slug, String ownerEmail, String detail) {}

    @Serdeable
    record SignupJson(
            @Nullable String storeName,
            @Nullable String slug,
            @Nullable String ownerEmail,
            @Nullable String password,
            @Nullable String currency,
            @Nullable String country,
            @Nullable String language,
            @Nullable String idempotencyKey) {

        @Override
        public String toString() {
            return "SignupJson[slug=" + slug + ", password=<hidden>]";
        }
    }

    @Serdeable
    record StoreJson(
            String id,
            String slug,
            String name,
            String status,
            @Nullable String failureReason,
            String currency,
            String country,
            String language,
            String storeUrl,
            String adminUrl,
            @Nullable String subdomainUrl) {}

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> signup(
            HttpRequest<?> request,
            @Body SignupJson body,
            @Header("Idempotency-Key") @Nullable String idempotencyHeader) {
        try {
            gate.admitAddress(ClientAddress.of(request));
            String key = idempotencyHeader != null ? idempotencyHeader : body.idempotencyKey();
            SignupCommand command = SignupCommand.of(
                    body.storeName(),
                    body.slug(),
                    body.ownerEmail(),
                    body.password(),
                    body.currency(),
                    body.country(),
                    body.language(),
                    key);
            SignupGate.Outcome outcome =
                    gate.request(command, ClientAddress.of(request), links.verificationLinkBase(request));
            return answer(request, outcome);
        } catch (SignupLimitedException limited) {
            return limited(limited);
        }
    }

    /** 429 problem, with when to try again. */
    static HttpResponse<?> limited(SignupLimitedException limited) {
        return Problem.of(HttpStatus.TOO_MANY_REQUESTS, limited.code(), "Too many signups", limited.getMessage(), null)
                .header("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
    }

    /** 202 while a signup waits (its mail, an operator), else the store as before. */
    HttpResponse<?> answer(HttpRequest<?> request, SignupGate.Outcome outcome) {
        if (outcome.mailed() != null) {
            return HttpResponse.accepted()
                    .body(new PendingJson(
                            "VERIFICATION_SENT",
                            outcome.mailed().slug().value(),
                            outcome.mailed().ownerEmail(),
                            "follow the link mailed to the owner to open the store"));
        }
        if (outcome.awaitingApproval() != null) {
            return HttpResponse.accepted()
                    .body(new PendingJson(
                            "AWAITING_APPROVAL",
                            outcome.awaitingApproval().slug().value(),
                            outcome.awaitingApproval().ownerEmail(),
                            "an operator approves each signup before the store is opened"));
        }
        Store store = outcome.store();
        StoreJson json = json(request, store);
        return switch (store.status()) {
            case ACTIVE -> HttpResponse.created(json);
            case PROVISIONING -> HttpResponse.accepted().body(json);
            case FAILED ->
                Problem.of(
                        HttpStatus.BAD_GATEWAY,
                        "provisioning-failed",
                        "Provisioning failed",
                        "The store could not be created and nothing was kept: " + store.failureReason(),
                        null);
            // a retry of the signup of a store since closed by its owner or an operator
            case CLOSING, CLOSED ->
                Problem.of(
                        HttpStatus.CONFLICT,
                        "store-closed",
                        "Store closed",
                        "The store this signup created has been closed since; sign up again with a new idempotency key",
                        null);
        };
    }

    @Get("/{slug}")
    StoreJson status(HttpRequest<?> request, String slug) {
        return json(request, provisioning.status(SignupController.parse(slug)));
    }

    private StoreJson json(HttpRequest<?> request, Store s) {
        String storeUrl = links.storePath(request, s.slug());
        return new StoreJson(
                s.id().value(),
                s.slug().value(),
                s.name(),
                s.status().name(),
                s.failureReason(),
                s.currency(),
                s.country(),
                s.language(),
                storeUrl,
                storeUrl + "admin/login",
                links.subdomainUrl(request, s.slug()));
    }
}
