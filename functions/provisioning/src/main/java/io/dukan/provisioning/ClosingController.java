package io.dukan.provisioning;

import io.dukan.core.offboard.Offboarding;
import io.dukan.core.offboard.OffboardingRepository;
import io.dukan.core.offboard.OffboardingService;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.tenant.ProvisioningQueue;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreRegistry;
import io.dukan.web.Pages;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;

/**
 * /stores/{slug}/closing: how a store's offboarding stands (closing, deleted, address free; or reopened because
 * the export failed), in the store's language unless the visitor chose one; it refreshes itself while steps run.
 * Public like the store's status page: it shows steps and dates, never the download link (that goes to the owner's
 * e-mail only) nor anyone's address.
 */
@Controller("/stores/{slug}/closing")
class ClosingController {

    private final StoreRegistry registry;
    private final OffboardingRepository offboardings;
    private final StoreLinks links;
    private final Duration gracePeriod;

    ClosingController(
            StoreRegistry registry,
            OffboardingRepository offboardings,
            StoreLinks links,
            @Value("${dukan.offboarding.grace-period:30d}") Duration gracePeriod) {
        this.registry = registry;
        this.offboardings = offboardings;
        this.links = links;
        this.gracePeriod = gracePeriod;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page(HttpRequest<?> request, String slug) {
        Store store = registry.findBySlug(SignupController.parse(slug))
                .orElseThrow(() -> new NotFoundException("no store at '" + slug + "'"));
        Offboarding o = offboardings
                .find(store.id())
                .orElseThrow(() -> new NotFoundException("the store '" + slug + "' is not being closed"));
        Messages m = PlatformText.queryLang(request.getUri().getRawQuery()).isPresent()
                ? PlatformText.of(request)
                : PlatformText.of(Language.orEnglish(store.language()));
        String release = o.deletedAt() == null
                ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(m.language().locale())
                        .withZone(ZoneOffset.UTC)
                        .format(o.deletedAt().plus(gracePeriod));
        Map<String, Object> params = new HashMap<>();
        params.put("m", m);
        params.put("root", links.root(request));
        params.put("store", store);
        params.put("o", o);
        params.put("releaseDate", release);
        return Pages.html(HttpStatus.OK, PlatformPages.render("closing.jte", params))
                .header("Cache-Control", "no-store");
    }

    /** The offboarding use case of the platform function (the operator starts it; the worker runs it). */
    @Factory
    static class Wiring {

        @Singleton
        @Bean
        OffboardingService offboardingService(
                StoreRegistry registry, OffboardingRepository offboardings, ProvisioningQueue queue, Clock clock) {
            return new OffboardingService(registry, offboardings, queue, clock);
        }
    }
}
