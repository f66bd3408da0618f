package io.dukan.shop.api;

import io.dukan.core.account.Permission;
import io.dukan.core.account.Session;
import io.dukan.core.catalog.CatalogService;
import io.dukan.core.catalog.Product;
import io.dukan.core.catalog.ProductId;
import io.dukan.shop.web.AdminAccess;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Problem;
import io.dukan.web.access.Allow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import java.util.Optional;

/**
 * The owner's product writes over JSON: the admin session cookie plus the {@code X-CSRF-Token} header, like the
 * admin's upload call. Errors are application/problem+json (ErrorRoutes).
 */
@Allow(Permission.PRODUCTS)
@Controller(value = "/s/{store}/api/products", produces = MediaType.APPLICATION_JSON)
class ProductApiController {

    private final ThisStore store;
    private final AdminAccess access;
    private final CatalogService catalog;

    ProductApiController(ThisStore store, AdminAccess access, CatalogService catalog) {
        this.store = store;
        this.access = access;
        this.catalog = catalog;
    }

    @Post(consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> create(HttpRequest<?> request, @Body @Nullable ProductJson.In body) {
        Optional<Session> session = owner(request);
        if (session.isEmpty()) {
            return unauthorized();
        }
        Product p = catalog.createProduct(
                store.id(),
                session.get().email(),
                input(body).command(store.settings().currency()));
        return HttpResponse.created(ProductJson.of(p, catalog, store.id()));
    }

    @Put(value = "/{id}", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> update(HttpRequest<?> request, String id, @Body @Nullable ProductJson.In body) {
        Optional<Session> session = owner(request);
        if (session.isEmpty()) {
            return unauthorized();
        }
        Product p = catalog.updateProduct(
                store.id(),
                session.get().email(),
                ProductId.parse(id),
                input(body).command(store.settings().currency()));
        return HttpResponse.ok(ProductJson.of(p, catalog, store.id()));
    }

    @Delete("/{id}")
    HttpResponse<?> delete(HttpRequest<?> request, String id) {
        Optional<Session> session = owner(request);
        if (session.isEmpty()) {
            return unauthorized();
        }
        catalog.deleteProduct(store.id(), session.get().email(), ProductId.parse(id));
        return HttpResponse.noContent();
    }

    private Optional<Session> owner(HttpRequest<?> request) {
        // Signed in with a role that manages products (else 401/403 problem+json), then the CSRF header.
        Optional<Session> session = Optional.of(access.signedIn(request));
        return session;
    }

    private static ProductJson.In input(ProductJson.In body) {
        if (body == null) {
            throw new io.dukan.core.shared.InvalidInputException("body", "send the product as JSON");
        }
        return body;
    }

    private static HttpResponse<String> unauthorized() {
        return Problem.of(
                HttpStatus.UNAUTHORIZED, "login-required", "Unauthorized", "Sign in to the store's admin first.", null);
    }
}
