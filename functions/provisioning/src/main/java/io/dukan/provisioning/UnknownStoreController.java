package io.dukan.provisioning;

import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.web.access.CsrfExempt;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

/**
 * /s/{store}/… for stores that have no route of their own (API Gateway prefers the static per-store resources):
 * a store still being set up says so, a store closing or closed says that (in its own language); anything else is a
 * plain 404 page.
 */
@CsrfExempt("changes nothing: every address answers the unknown-store page")
@Controller("/s/{store}")
class UnknownStoreController {

    private final ProvisioningService provisioning;
    private final StoreLinks links;

    UnknownStoreController(ProvisioningService provisioning, StoreLinks links) {
        this.provisioning = provisioning;
        this.links = links;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> root(HttpRequest<?> request, String store) {
        return answer(request, store);
    }

    @Get(value = "/{path:.*}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> anyGet(HttpRequest<?> request, String store, String path) {
        return answer(request, store);
    }

    @Post(value = "/{path:.*}", consumes = MediaType.ALL, produces = MediaType.TEXT_HTML)
    HttpResponse<String> anyPost(HttpRequest<?> request, String store, String path) {
        return answer(request, store);
    }

    private HttpResponse<String> answer(HttpRequest<?> request, String store) {
        Slug slug = Slug.parseOrNull(store);
        Store found = null;
        if (slug != null) {
            try {
                found = provisioning.status(slug);
            } catch (NotFoundException e) {
                found = null;
            }
        }
        if (found != null && found.status() == StoreStatus.PROVISIONING) {
            Messages m = PlatformText.of(request);
            return PlatformPages.error(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            m,
                            links.root(request),
                            m.t("store.settingUp.title"),
                            m.t("store.settingUp.text"))
                    .header("Retry-After", "2");
        }
        if (found != null && (found.status() == StoreStatus.CLOSING || found.status() == StoreStatus.CLOSED)) {
            // closed to shoppers (no order can be placed: the store's route is gone), in the store's language
            Messages m = PlatformText.of(Language.orEnglish(found.language()));
            HttpStatus status = found.status() == StoreStatus.CLOSED ? HttpStatus.GONE : HttpStatus.SERVICE_UNAVAILABLE;
            return PlatformPages.error(
                    status, m, links.root(request), m.t("closed.title", found.name()), m.t("closed.text"));
        }
        // thrown, not returned: Micronaut answers a returned 404 with its global not-found route
        throw new NotFoundException(PlatformText.of(Language.EN).t("store.missing"));
    }
}
