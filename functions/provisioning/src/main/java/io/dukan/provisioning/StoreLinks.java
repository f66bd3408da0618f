package io.dukan.provisioning;

import io.dukan.core.tenant.Slug;
import io.dukan.web.Requests;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Where a store can be reached, as links for the owner. */
@Singleton
class StoreLinks {

    private final String shopDomain;
    private final String publicUrl;

    StoreLinks(
            @Value("${dukan.shop-domain:}") @Nullable String shopDomain,
            @Value("${dukan.public-url:}") @Nullable String publicUrl) {
        this.shopDomain = shopDomain == null ? "" : shopDomain.strip();
        String url = publicUrl == null ? "" : publicUrl.strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /**
     * Where verification links point, the token to be appended: the platform's configured address
     * (dukan.public-url), so a forged Host header cannot put another address into the mail; without it, the address
     * API Gateway was reached at (its Host is the API's own domain).
     */
    String verificationLinkBase(HttpRequest<?> request) {
        String base = publicUrl;
        if (!base.startsWith("https://") && !base.startsWith("http://")) {
            base = (Requests.secure(request) ? "https" : "http") + "://" + Requests.host(request) + root(request);
        }
        return base + "/signup?verify=";
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
