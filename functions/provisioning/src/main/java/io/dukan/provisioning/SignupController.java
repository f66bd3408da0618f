package io.dukan.provisioning;

import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.SignupCommand;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreStatus;
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
import java.util.Map;

/** Signup for people: a form, then the store's status page (which shows its links once it is ACTIVE). */
@Controller
class SignupController {

    private final ProvisioningService provisioning;
    private final StoreLinks links;
    private final Csrf csrf;

    SignupController(ProvisioningService provisioning, StoreLinks links, Csrf csrf) {
        this.provisioning = provisioning;
        this.links = links;
        this.csrf = csrf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> front(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, PlatformViews.front(links.root(request)));
    }

    /** Each form carries a fresh idempotency key, so a double submit or a refresh creates one store, not two. */
    @Get(value = "/signup", produces = MediaType.TEXT_HTML)
    HttpResponse<String> form(HttpRequest<?> request) {
        return Pages.html(HttpStatus.OK, PlatformViews.signup(links.root(request), Ids.newSecret(), null, Map.of(),
                csrf.token(request)))
                .header("Cache-Control", "no-store");
    }

    @Post(value = "/signup", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> signup(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            Store store = provisioning.signup(SignupCommand.of(form.get("storeName"), form.get("slug"),
                    form.get("ownerEmail"), form.get("password"), form.get("currency"), form.get("country"),
                    form.get("language"), form.get("idempotencyKey")));
            if (store.status() == StoreStatus.FAILED) {
                // Shown here, not behind a redirect: a failed store has already given its address back.
                return Pages.html(HttpStatus.BAD_GATEWAY, PlatformViews.status(links.root(request), store,
                        links.storePath(request, store.slug()), null));
            }
            return HttpResponse.<String>seeOther(URI.create(links.root(request) + "/stores/" + store.slug().value()));
        } catch (InvalidInputException | ConflictException refused) {
            HttpStatus status = refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            Map<String, String> typed = Map.of("storeName", form.getOrEmpty("storeName"), "slug", form.getOrEmpty("slug"),
                    "ownerEmail", form.getOrEmpty("ownerEmail"), "currency", form.getOrEmpty("currency"),
                    "country", form.getOrEmpty("country"), "language", form.getOrEmpty("language"));
            // A refused signup wrote nothing, so the same key may be used again for the corrected form, unless the
            // key itself was what was refused.
            boolean keyRefused = refused instanceof InvalidInputException invalid && "idempotencyKey".equals(invalid.field());
            String key = form.get("idempotencyKey") == null || keyRefused ? Ids.newSecret() : form.get("idempotencyKey");
            return Pages.html(status, PlatformViews.signup(links.root(request), key, refused.getMessage(), typed,
                    csrf.token(request)));
        }
    }

    @Get(value = "/stores/{slug}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> status(HttpRequest<?> request, String slug) {
        Store store = provisioning.status(parse(slug));
        return Pages.html(HttpStatus.OK, PlatformViews.status(links.root(request), store, links.storePath(request, store.slug()),
                links.subdomainUrl(request, store.slug()))).header("Cache-Control", "no-store");
    }

    static Slug parse(String slug) {
        Slug parsed = Slug.parseOrNull(slug);
        if (parsed == null) {
            throw new NotFoundException("no store at '" + slug + "'");
        }
        return parsed;
    }
}
