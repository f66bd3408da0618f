package io.dukan.shop.web;

import io.dukan.web.access.Public;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** The storefront's stylesheet and script, from the store's own path (no third-party request), cached long. */
@Public
@Controller("/s/{store}/assets")
class ShopAssetsController {

    private static final String FOREVER = "public, max-age=31536000, immutable";

    @Get(value = "/shop.css", produces = "text/css;charset=utf-8")
    HttpResponse<String> css() {
        return HttpResponse.ok(ShopAssets.CSS)
                .contentType("text/css;charset=utf-8")
                .header("Cache-Control", FOREVER);
    }

    @Get(value = "/shop.js", produces = "application/javascript;charset=utf-8")
    HttpResponse<String> js() {
        return HttpResponse.ok(ShopAssets.JS)
                .contentType("application/javascript;charset=utf-8")
                .header("Cache-Control", FOREVER);
    }
}
