package io.dukan.provisioning;

import io.dukan.core.account.LoginFailedException;
import io.dukan.core.account.LoginThrottledException;
import io.dukan.core.offboard.OffboardingService;
import io.dukan.core.operator.OperatorAuth;
import io.dukan.core.operator.OperatorSession;
import io.dukan.core.operator.PlatformAudit;
import io.dukan.core.operator.PlatformAuditEntry;
import io.dukan.core.operator.StoreDirectory;
import io.dukan.core.operator.StoreFigures;
import io.dukan.core.operator.StoreFilter;
import io.dukan.core.operator.StoreListing;
import io.dukan.core.operator.StoreMetrics;
import io.dukan.core.operator.StoreOperations;
import io.dukan.core.operator.Suspension;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.Page;
import io.dukan.core.signup.PendingSignup;
import io.dukan.core.signup.SignupGate;
import io.dukan.core.signup.SignupLimitedException;
import io.dukan.core.tenant.Store;
import io.dukan.core.upgrade.StoreVersions;
import io.dukan.core.upgrade.UpgradeService;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Requests;
import io.dukan.web.i18n.Messages;
import io.dukan.web.i18n.Zones;
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
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator console's pages: sign-in (password and authenticator code), the stores list with search and
 * filters, a store's page (details, suspension, metrics, offboarding, history) with suspend, reactivate and offboard,
 * the signups waiting for approval, and the audit log. {@link OperatorConsole} lets only signed-in operators reach any of it.
 */
@Controller(OperatorConsole.PATH)
class OperatorConsoleController {

    static final int PAGE_SIZE = 50;

    private final OperatorAuth auth;
    private final StoreDirectory directory;
    private final StoreOperations operations;
    private final StoreFigures figures;
    private final StoreMetrics metrics;
    private final PlatformAudit audit;
    private final SignupGate gate;
    private final StoreLinks links;
    private final Csrf csrf;
    private final FirstOperator first;
    private final Duration gracePeriod;
    private final StoreVersions storeVersions;
    private final UpgradeService upgrades;

    OperatorConsoleController(
            OperatorAuth auth,
            StoreDirectory directory,
            StoreOperations operations,
            StoreFigures figures,
            StoreMetrics metrics,
            PlatformAudit audit,
            SignupGate gate,
            StoreLinks links,
            Csrf csrf,
            FirstOperator first,
            StoreVersions storeVersions,
            UpgradeService upgrades,
            @Value("${dukan.offboarding.grace-period:30d}") Duration gracePeriod) {
        this.first = first;
        this.storeVersions = storeVersions;
        this.upgrades = upgrades;
        this.gracePeriod = gracePeriod;
        this.auth = auth;
        this.directory = directory;
        this.operations = operations;
        this.figures = figures;
        this.metrics = metrics;
        this.audit = audit;
        this.gate = gate;
        this.links = links;
        this.csrf = csrf;
    }

    private OperatorPages.Frame frame(HttpRequest<?> request, String nav) {
        return OperatorPages.frame(request, nav, csrf);
    }

    private static HttpResponse<?> redirect(HttpRequest<?> request, String path) {
        return HttpResponse.seeOther(URI.create(Requests.stagePrefix(request) + path));
    }

    // --- sign in / out ---------------------------------------------------------------------------------------------

    @Get(value = "/signin", produces = MediaType.TEXT_HTML)
    HttpResponse<?> signInPage(HttpRequest<?> request) {
        first.ensure();
        return OperatorPages.signIn(HttpStatus.OK, frame(request, ""), "", null);
    }

    @Post(value = "/signin", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body @Nullable String body) {
        first.ensure();
        Form form = Form.parse(body);
        OperatorPages.Frame frame = frame(request, "");
        try {
            OperatorSession session =
                    auth.signIn(form.get("email"), form.get("password"), form.get("code"), ClientAddress.of(request));
            return redirect(request, OperatorConsole.PATH + "/stores")
                    .toMutableResponse()
                    .cookie(OperatorConsole.sessionCookie(request, session));
        } catch (LoginThrottledException throttled) {
            return OperatorPages.signIn(
                    HttpStatus.TOO_MANY_REQUESTS,
                    frame,
                    form.getOrEmpty("email"),
                    frame.m().t("signin.throttled", OperatorAuth.LOCKOUT.toMinutes()));
        } catch (LoginFailedException failed) {
            return OperatorPages.signIn(
                    HttpStatus.UNAUTHORIZED,
                    frame,
                    form.getOrEmpty("email"),
                    frame.m().t("signin.failed"));
        }
    }

    @Post(value = "/signout", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<?> signOut(HttpRequest<?> request) {
        auth.signOut(OperatorConsole.operator(request).token());
        return redirect(request, OperatorConsole.SIGN_IN)
                .toMutableResponse()
                .cookie(OperatorConsole.sessionCookie(request, null));
    }

    // --- stores -----------------------------------------------------------------------------------------------------

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<?> home(HttpRequest<?> request) {
        return redirect(request, OperatorConsole.PATH + "/stores");
    }

    @Get(value = "/stores", produces = MediaType.TEXT_HTML)
    HttpResponse<?> stores(
            HttpRequest<?> request,
            @QueryValue @Nullable String q,
            @QueryValue @Nullable String status,
            @QueryValue @Nullable String country,
            @QueryValue @Nullable String from,
            @QueryValue @Nullable String to,
            @QueryValue @Nullable String version,
            @QueryValue @Nullable String after) {
        StoreFilter filter = new StoreFilter(q, status, country, day(from), day(to), version);
        Page<StoreListing> page = directory.page(filter, after, PAGE_SIZE);
        Map<io.dukan.core.tenant.TenantId, StoreFigures.Last30Days> sums = figures.last30Days(page.items().stream()
                .collect(java.util.stream.Collectors.toMap(
                        StoreListing::id, l -> Zones.forCountry(l.country()), (a, b) -> a)));
        String next = page.next() == null
                ? null
                : OperatorConsole.PATH + "/stores?" + query(filter) + "after="
                        + URLEncoder.encode(page.next(), StandardCharsets.UTF_8);
        return OperatorPages.stores(frame(request, "stores"), filter, page.items(), sums, next);
    }

    private static LocalDate day(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String query(StoreFilter f) {
        StringBuilder q = new StringBuilder();
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("q", f.text());
        values.put("status", f.status());
        values.put("country", f.country());
        values.put("from", f.createdFrom() == null ? "" : f.createdFrom().toString());
        values.put("to", f.createdTo() == null ? "" : f.createdTo().toString());
        values.put("version", f.shopVersion());
        values.forEach((k, v) -> {
            if (!v.isEmpty()) {
                q.append(k)
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                        .append('&');
            }
        });
        return q.toString();
    }

    @Get(value = "/stores/{slug}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> store(HttpRequest<?> request, String slug) {
        return storePage(request, slug, HttpStatus.OK, null);
    }

    private HttpResponse<?> storePage(HttpRequest<?> request, String slug, HttpStatus status, String error) {
        OperatorPages.Frame frame = frame(request, "stores");
        Store store;
        try {
            store = operations.store(slug);
        } catch (NotFoundException missing) {
            return OperatorPages.notFound(frame);
        }
        Optional<Suspension> suspension = operations.suspension(store);
        Optional<StoreMetrics.Figures> recent = metrics.recent(store.id(), Duration.ofHours(24));
        Optional<StoreFigures.Last30Days> sums = figures.last30Days(store.id(), Zones.forCountry(store.country()));
        List<PlatformAuditEntry> history = audit.ofStore(store.id(), 50);
        OffboardingPanel offboarding = operations
                .offboarding(store)
                .map(o -> OffboardingPanel.of(o, gracePeriod, frame.m()))
                .orElse(null);
        return OperatorPages.store(
                status,
                frame,
                store,
                suspension.orElse(null),
                recent.orElse(null),
                sums.orElse(null),
                history,
                offboarding,
                ShopCodePanel.of(store.id(), storeVersions, upgrades),
                links.storePath(request, store.slug()),
                error);
    }

    @Post(
            value = "/stores/{slug}/suspend",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> suspend(HttpRequest<?> request, String slug, @Body @Nullable String body) {
        String reason = Form.parse(body).get("reason");
        try {
            operations.suspend(OperatorConsole.operator(request).email(), slug, reason);
        } catch (InvalidInputException refused) {
            return storePage(request, slug, HttpStatus.BAD_REQUEST, refusal(request, refused));
        } catch (NotFoundException missing) {
            return OperatorPages.notFound(frame(request, "stores"));
        }
        return redirect(request, OperatorConsole.PATH + "/stores/" + slug);
    }

    @Post(
            value = "/stores/{slug}/reactivate",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> reactivate(HttpRequest<?> request, String slug, @Body @Nullable String body) {
        String reason = Form.parse(body).get("reason");
        try {
            operations.reactivate(OperatorConsole.operator(request).email(), slug, reason);
        } catch (InvalidInputException refused) {
            return storePage(request, slug, HttpStatus.BAD_REQUEST, refusal(request, refused));
        } catch (NotFoundException missing) {
            return OperatorPages.notFound(frame(request, "stores"));
        }
        return redirect(request, OperatorConsole.PATH + "/stores/" + slug);
    }

    /**
     * The console's "Offboard this store": the same offboarding as the operators' API ({@link
     * OperatorOffboardController}), started by the signed-in operator with a reason (audit log) and the store's
     * address typed to confirm; the store page then shows how it stands.
     */
    @Post(
            value = "/stores/{slug}/close",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> offboard(HttpRequest<?> request, String slug, @Body @Nullable String body) {
        Form form = Form.parse(body);
        try {
            operations.offboard(
                    OperatorConsole.operator(request).email(), slug, form.get("confirm"), form.get("reason"));
        } catch (InvalidInputException refused) {
            return storePage(request, slug, HttpStatus.BAD_REQUEST, refusal(request, refused));
        } catch (OffboardingService.StoreNotOpenException notOpen) {
            return storePage(
                    request,
                    slug,
                    HttpStatus.CONFLICT,
                    OperatorConsole.text(request).t("offboard.notOpen"));
        } catch (NotFoundException missing) {
            return OperatorPages.notFound(frame(request, "stores"));
        }
        return redirect(request, OperatorConsole.PATH + "/stores/" + slug);
    }

    private static String refusal(HttpRequest<?> request, InvalidInputException refused) {
        Messages m = OperatorConsole.text(request);
        return switch (refused.field()) {
            case "reason" -> m.t("store.reasonRequired", io.dukan.core.operator.StoreOperations.MAX_REASON);
            case "slug" -> m.t("store.wrongState");
            case "confirm" -> m.t("offboard.confirmWrong");
            default -> refused.getMessage();
        };
    }

    // --- signups waiting for approval -------------------------------------------------------------------------------

    @Get(value = "/approvals", produces = MediaType.TEXT_HTML)
    HttpResponse<?> approvals(HttpRequest<?> request) {
        return OperatorPages.approvals(frame(request, "signups"), gate.awaitingApproval(200), null);
    }

    @Post(
            value = "/approvals/{id}/{decision}",
            consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.TEXT_HTML)
    HttpResponse<?> decide(HttpRequest<?> request, String id, String decision) {
        String operator = OperatorConsole.operator(request).email();
        OperatorPages.Frame frame = frame(request, "signups");
        try {
            if (decision.equals("approve")) {
                Store store = gate.approve(id);
                audit.record(
                        new PlatformAuditEntry(
                                java.time.Instant.now(),
                                operator,
                                "approved signup",
                                store.slug().value(),
                                ""),
                        store.id());
            } else if (decision.equals("reject")) {
                PendingSignup rejected = gate.reject(id);
                audit.record(
                        new PlatformAuditEntry(
                                java.time.Instant.now(),
                                operator,
                                "rejected signup",
                                rejected.slug().value(),
                                ""),
                        null);
            } else {
                return OperatorPages.notFound(frame);
            }
        } catch (SignupLimitedException limited) {
            return OperatorPages.approvals(
                    frame, gate.awaitingApproval(200), frame.m().t("signups.limited"));
        } catch (NotFoundException gone) {
            return OperatorPages.approvals(
                    frame, gate.awaitingApproval(200), frame.m().t("signups.gone"));
        }
        return redirect(request, OperatorConsole.PATH + "/approvals");
    }

    // --- audit log --------------------------------------------------------------------------------------------------

    @Get(value = "/audit", produces = MediaType.TEXT_HTML)
    HttpResponse<?> auditLog(HttpRequest<?> request, @QueryValue @Nullable String after) {
        Page<PlatformAuditEntry> page = audit.recent(after, 100);
        String next = page.next() == null
                ? null
                : OperatorConsole.PATH + "/audit?after=" + URLEncoder.encode(page.next(), StandardCharsets.UTF_8);
        return OperatorPages.audit(frame(request, "audit"), page.items(), next);
    }
}
