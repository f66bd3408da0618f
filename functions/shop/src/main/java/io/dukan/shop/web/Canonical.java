package io.dukan.shop.web;

import io.dukan.web.Requests;
import io.micronaut.http.HttpRequest;

/**
 * Absolute URLs for canonical links, Open Graph and the sitemap, always in the platform's path form
 * ({@code https://host/s/{slug}/…}) whether the page was reached that way or at {@code {slug}.host}. The scheme is
 * the one the browser used (X-Forwarded-Proto, as API Gateway and the local cloud set it; http without it).
 */
public final class Canonical {

    private Canonical() {}

    /** "https://shops.example.com/s/kashgar" (no trailing slash): prefix a path that starts with "/". */
    public static String storeUrl(HttpRequest<?> request, String slug) {
        String scheme = Requests.secure(request) ? "https" : "http";
        String host = Requests.host(request);
        if (host.startsWith(slug + ".")) {
            host = host.substring(slug.length() + 1);
        }
        if (host.isEmpty()) {
            host = "localhost";
        }
        return scheme + "://" + host + Requests.stagePrefix(request) + "/s/" + slug;
    }
}
