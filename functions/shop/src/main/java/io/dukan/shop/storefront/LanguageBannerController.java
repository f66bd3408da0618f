package io.dukan.shop.storefront;

import io.dukan.shop.web.ShopPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Requests;
import io.dukan.web.access.Public;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;
import java.net.URI;
import java.time.Duration;

/**
 * "No thanks" on the banner that offers the browser's language: a plain link (no script), so a GET; it only hides
 * the banner (a cookie for this store's path) and goes back to the page it was on, never anywhere else.
 */
@Public
@Controller("/s/{store}")
class LanguageBannerController {

    private final ThisStore store;

    LanguageBannerController(ThisStore store) {
        this.store = store;
    }

    @Get(value = "/language-banner", produces = MediaType.TEXT_HTML)
    HttpResponse<?> dismiss(HttpRequest<?> request, @QueryValue @Nullable String back) {
        String base = Requests.storeBase(request, store.slug().value());
        String target = back != null && back.startsWith(base + "/") && !back.startsWith("//") && !back.contains("\\")
                ? back
                : base + "/";
        Cookie off = Cookie.of(ShopPages.BANNER_COOKIE, "off")
                .httpOnly(true)
                .secure(Requests.secure(request))
                .sameSite(SameSite.Lax)
                .path(base.isEmpty() ? "/" : base + "/")
                .maxAge(Duration.ofDays(365));
        return HttpResponse.seeOther(URI.create(target)).cookie(off).header("Cache-Control", "no-store");
    }
}
