package io.dukan.shop.setup;

import io.dukan.core.account.Permission;
import io.dukan.core.tenant.SetupFlags;
import io.dukan.shop.web.AdminLinks;
import io.dukan.shop.web.AdminPages;
import io.dukan.shop.web.ThisStore;
import io.dukan.web.Requests;
import io.dukan.web.access.Allow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;

/**
 * The setup guide's buttons on the admin home (owner only): Share on WhatsApp (recorded as the guide's last step,
 * then on to WhatsApp), put the guide away, bring it back.
 */
@Allow(Permission.SETTINGS)
@Controller("/s/{store}/admin/setup")
class SetupController {

    private final ThisStore store;
    private final SetupFlags.Repository flags;
    private final AdminLinks links;

    SetupController(ThisStore store, SetupFlags.Repository flags, AdminLinks links) {
        this.store = store;
        this.flags = flags;
        this.links = links;
    }

    /**
     * A link, not a form: the browser's CSP (form-action 'self') stops a form's redirect to another site, while a
     * followed link may go on to WhatsApp. Marking the step is harmless to repeat, so a GET may do it.
     */
    @Get(value = "/share", produces = MediaType.TEXT_HTML)
    HttpResponse<?> share(HttpRequest<?> request) {
        flags.markShared(store.id());
        String text = AdminPages.locale(store.settings())
                .t("setup.shareText", store.settings().name());
        return HttpResponse.seeOther(URI.create(
                new SetupGuide(java.util.List.of(), SetupFlags.NONE, links.storeUrl(), text).whatsappShare()));
    }

    @Post(value = "/dismiss", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> dismiss(HttpRequest<?> request, @Body @Nullable String body) {
        flags.setDismissed(store.id(), true);
        return HttpResponse.seeOther(URI.create(base(request) + "/admin"));
    }

    @Post(value = "/show", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> show(HttpRequest<?> request, @Body @Nullable String body) {
        flags.setDismissed(store.id(), false);
        return HttpResponse.seeOther(URI.create(base(request) + "/admin#setup"));
    }

    private String base(HttpRequest<?> request) {
        return Requests.storeBase(request, store.slug().value());
    }
}
