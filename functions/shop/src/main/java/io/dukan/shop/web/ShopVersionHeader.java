package io.dukan.shop.web;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Says which shop-code version answered: {@code X-Dukan-Shop-Version} on every response, from the function's
 * DUKAN_SHOP_VERSION (set by the fleet when it creates the store's function or moves it to a version; absent on a
 * function from before versions were recorded, and then no header). An operator (or a test) so sees which code
 * serves a store while an upgrade moves the fleet, and two versions side by side in the local cloud.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ShopVersionHeader {

    static final String HEADER = "X-Dukan-Shop-Version";

    private final String version;

    ShopVersionHeader(@Value("${dukan.shop-version:}") String version) {
        this.version = version == null ? "" : version.strip();
    }

    @ResponseFilter
    void header(MutableHttpResponse<?> response) {
        if (!version.isEmpty()) {
            response.header(HEADER, version);
        }
    }
}
