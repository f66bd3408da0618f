package io.dukan.shop.web;

import io.dukan.web.Csrf;
import io.dukan.web.Requests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;

/**
 * A language prefix the store does not offer as an extra language ({@code /s/kashgar/fr/…} of a store in English
 * and Chinese, or {@code /en/…} for its primary language): a page is read at the address without it (301), so search
 * engines see each page once per language the owner chose; any other method is not found.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Csrf.ORDER - 190)
class LanguageGuard {

    private final ThisStore store;
    private final ShopErrorPages pages;

    LanguageGuard(ThisStore store, ShopErrorPages pages) {
        this.store = store;
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> onlyOfferedLanguages(HttpRequest<?> request) {
        var asked = PageLanguage.asked(request);
        if (asked.isEmpty() || store.settings().extraLanguages().contains(asked.get())) {
            return null;
        }
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD) {
            return pages.notFound(request);
        }
        String own = "/s/" + store.slug().value();
        String path = request.getPath().substring(own.length());
        String query = request.getUri().getRawQuery();
        URI target = URI.create(Requests.storeBase(request, store.slug().value())
                + (path.isEmpty() ? "/" : path)
                + (query == null || query.isEmpty() ? "" : "?" + query));
        return HttpResponse.status(io.micronaut.http.HttpStatus.MOVED_PERMANENTLY)
                .headers(h -> h.location(target));
    }
}
