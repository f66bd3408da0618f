package io.dukan.shop.web;

import io.dukan.web.Csrf;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Refuses, before any controller runs, a request whose path names another store than this function's: a store's
 * function never serves /s/{other}/…, whatever a misrouted or forged request says.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Csrf.ORDER - 200) // before the access check (RouteAccess) and CSRF: another store's path is a 404 whoever asks
class StoreGuard {

    private final ThisStore store;
    private final ShopErrorPages pages;

    StoreGuard(ThisStore store, ShopErrorPages pages) {
        this.store = store;
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> onlyThisStore(HttpRequest<?> request) {
        String prefix = "/s/" + store.slug().value();
        String path = request.getPath();
        if (path.equals(prefix) || path.startsWith(prefix + "/")) {
            return null;
        }
        return pages.notFound(request);
    }
}
