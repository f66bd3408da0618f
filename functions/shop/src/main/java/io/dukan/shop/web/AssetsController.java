package io.dukan.shop.web;

import io.dukan.web.access.Public;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The admin's one script (the image upload), served from the store's own path so no other origin is involved. */
@Public
@Controller("/s/{store}/assets")
class AssetsController {

    private final String adminJs;

    AssetsController() {
        try (InputStream in = AssetsController.class.getResourceAsStream("/admin.js")) {
            this.adminJs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = "/admin.js", produces = "application/javascript")
    HttpResponse<String> adminJs() {
        return HttpResponse.ok(adminJs).header("Cache-Control", "public, max-age=3600");
    }
}
