package io.dukan.provisioning;

import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.upgrade.UpgradeCampaign;
import io.dukan.core.upgrade.UpgradeService;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Requests;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * The console's upgrades in waves: the shop-code versions (register one), start moving the fleet to a version, and a
 * campaign's progress wave by wave with pause and resume. Behind the console's gate ({@link OperatorConsole}); every
 * POST takes the CSRF token ({@link Csrf}); every change is in the platform audit log.
 */
@Controller(UpgradeController.PATH)
class UpgradeController {

    static final String PATH = OperatorConsole.PATH + "/upgrades";

    private final UpgradeService upgrades;
    private final Csrf csrf;
    /** How late a step may be before the page calls the campaign stalled (the nudge's grace). */
    private final Duration grace;

    UpgradeController(
            UpgradeService upgrades,
            Csrf csrf,
            @Value("${dukan.upgrade.nudge-grace:" + UpgradeController.GRACE + "}") Duration grace) {
        this.upgrades = upgrades;
        this.csrf = csrf;
        this.grace = grace;
    }

    static final String GRACE = "15m";

    private OperatorPages.Frame frame(HttpRequest<?> request) {
        return OperatorPages.frame(request, "upgrades", csrf);
    }

    private static HttpResponse<?> redirect(HttpRequest<?> request, String path) {
        return HttpResponse.seeOther(URI.create(Requests.stagePrefix(request) + path));
    }

    private static String operator(HttpRequest<?> request) {
        return OperatorConsole.operator(request).email();
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request) {
        return UpgradePages.upgrades(HttpStatus.OK, frame(request), upgrades, null, Map.of());
    }

    @Post(value = "/versions", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> publish(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        OperatorPages.Frame f = frame(request);
        Map<String, String> typed = Map.of(
                "id",
                form.getOrEmpty("id"),
                "artifact",
                form.getOrEmpty("artifact"),
                "notes",
                form.getOrEmpty("notes"));
        try {
            upgrades.publish(operator(request), form.get("id"), form.get("artifact"), form.get("notes"));
        } catch (InvalidInputException refused) {
            return UpgradePages.upgrades(
                    HttpStatus.BAD_REQUEST, f, upgrades, f.m().t("upgrades.error." + refused.field()), typed);
        } catch (UpgradeService.VersionTakenException taken) {
            return UpgradePages.upgrades(HttpStatus.CONFLICT, f, upgrades, f.m().t("upgrades.error.taken"), typed);
        }
        return redirect(request, PATH);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> start(HttpRequest<?> request, @Body @Nullable String body) {
        OperatorPages.Frame f = frame(request);
        UpgradeCampaign started;
        try {
            started = upgrades.start(operator(request), Form.parse(body).get("version"));
        } catch (InvalidInputException refused) {
            return UpgradePages.upgrades(
                    HttpStatus.BAD_REQUEST, f, upgrades, f.m().t("upgrades.error.version"), Map.of());
        } catch (ConflictException running) {
            return UpgradePages.upgrades(HttpStatus.CONFLICT, f, upgrades, f.m().t("upgrades.error.running"), Map.of());
        } catch (RuntimeException notQueued) {
            return UpgradePages.upgrades(
                    HttpStatus.SERVICE_UNAVAILABLE, f, upgrades, f.m().t("upgrades.error.queue"), Map.of());
        }
        return redirect(request, PATH + "/" + started.id());
    }

    @Get(value = "/{id}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> campaign(HttpRequest<?> request, String id) {
        return campaignPage(request, id, HttpStatus.OK, null);
    }

    private HttpResponse<?> campaignPage(HttpRequest<?> request, String id, HttpStatus status, String error) {
        OperatorPages.Frame f = frame(request);
        try {
            return UpgradePages.campaign(status, f, upgrades, upgrades.campaign(id), error, grace);
        } catch (NotFoundException missing) {
            return OperatorPages.notFound(f);
        }
    }

    @Post(value = "/{id}/pause", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> pause(HttpRequest<?> request, String id) {
        try {
            upgrades.pause(operator(request), id);
        } catch (InvalidInputException wrongState) {
            return campaignPage(
                    request, id, HttpStatus.CONFLICT, frame(request).m().t("upgrade.error.notRunning"));
        } catch (NotFoundException missing) {
            return OperatorPages.notFound(frame(request));
        }
        return redirect(request, PATH + "/" + id);
    }

    @Post(value = "/{id}/resume", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> resume(HttpRequest<?> request, String id) {
        try {
            upgrades.resume(operator(request), id);
        } catch (InvalidInputException wrongState) {
            return campaignPage(
                    request, id, HttpStatus.CONFLICT, frame(request).m().t("upgrade.error.notPaused"));
        } catch (NotFoundException missing) {
            return OperatorPages.notFound(frame(request));
        } catch (RuntimeException notQueued) {
            return campaignPage(
                    request,
                    id,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    frame(request).m().t("upgrades.error.queue"));
        }
        return redirect(request, PATH + "/" + id);
    }
}
