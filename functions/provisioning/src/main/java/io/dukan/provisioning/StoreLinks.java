package io.dukan.provisioning;

import io.dukan.web.Requests;
import io.dukan.core.tenant.Slug;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Where a store can be reached, as links for the owner. */
@Singleton
class StoreLinks {

    private final String shopDomain;

    StoreLinks(@Value("${dukan.shop-domain:}") @Nullable String shopDomain) {
        this.shopDomain = shopDomain == null ? "" : shopDomain.strip();
    }

    /** The platform's root as the browser sees it ("" or the API Gateway stage, "/prod"). */
    String root(HttpRequest<?> request) {
        return Requests.stagePrefix(request);
    }

    /** The store's path on the platform's own address: always works. */
    String storePath(HttpRequest<?> request, Slug slug) {
        return root(request) + "/s/" + slug.value() + "/";
    }

    /** The store on its own host name, when there is a shop domain (configured, or localhost in the local cloud). */
    @Nullable
    String subdomainUrl(HttpRequest<?> request, Slug slug) {
        String domain = shopDomain;
        String host = Requests.host(request);
        if (domain.isEmpty() && (host.equals("localhost") || host.startsWith("localhost:"))) {
            domain = host;
        }
        if (domain.isEmpty()) {
            return null;
        }
        String scheme = Requests.secure(request) ? "https" : "http";
        return scheme + "://" + slug.value() + "." + domain + "/";
    }
}
