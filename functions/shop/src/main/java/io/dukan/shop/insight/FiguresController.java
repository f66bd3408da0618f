package io.dukan.shop.insight;

import io.dukan.core.account.Permission;
import io.dukan.core.insight.StoreFigures;
import io.dukan.core.insight.StoreFiguresRepository;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Form;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.net.URI;

/** The store's low-stock threshold (the dashboard's low-stock list and its figures block's form). */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin/figures")
class FiguresController {

    private final ThisStore store;
    private final StoreFiguresRepository figures;

    FiguresController(ThisStore store, StoreFiguresRepository figures) {
        this.store = store;
        this.figures = figures;
    }

    @Post(value = "/low-stock", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> lowStock(HttpRequest<?> request, @Body @Nullable String body) {
        String text = Form.parse(body).getOrEmpty("threshold").strip();
        int threshold;
        try {
            threshold = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            threshold = -1;
        }
        if (threshold < 0 || threshold > StoreFigures.MAX_LOW_STOCK) {
            throw new InvalidInputException(
                    "threshold",
                    "the low-stock threshold must be a whole number from 0 to " + StoreFigures.MAX_LOW_STOCK);
        }
        figures.lowStockThreshold(store.id(), threshold);
        return HttpResponse.<String>seeOther(
                URI.create(Requests.storeBase(request, store.slug().value()) + "/admin#figures"));
    }
}
