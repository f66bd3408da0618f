package io.dukan.provisioning;

import io.dukan.core.account.InvalidLinkException;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.Ids;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.signup.PendingSignup;
import io.dukan.core.signup.SignupGate;
import io.dukan.core.signup.SignupLimitedException;
import io.dukan.core.tenant.ProvisioningService;
import io.dukan.core.tenant.SignupCommand;
import io.dukan.core.tenant.Slug;
import io.dukan.core.tenant.Store;
import io.dukan.core.tenant.StoreSlugTakenException;
import io.dukan.core.tenant.StoreStatus;
import io.dukan.web.Csrf;
import io.dukan.web.Form;
import io.dukan.web.Pages;
import io.dukan.web.i18n.Language;
import io.dukan.web.i18n.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Signup for people: a form, then the store's status page (which shows its links once it is ACTIVE). */
@Controller
class SignupController {

    private final ProvisioningService provisioning;
    private final SignupGate gate;
    private final StoreLinks links;
    private final Csrf csrf;

    SignupController(ProvisioningService provisioning, SignupGate gate, StoreLinks links, Csrf csrf) {
        this.provisioning = provisioning;
        this.gate = gate;
        this.links = links;
        this.csrf = csrf;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> front(HttpRequest<?> request) {
        return PlatformPages.front(PlatformText.of(request), links.root(request));
    }

    /** Each form carries a fresh idempotency key, so a double submit or a refresh creates one store, not two. */
    @Get(value = "/signup", produces = MediaType.TEXT_HTML)
    HttpResponse<String> form(HttpRequest<?> request, @QueryValue @Nullable String verify) {
        if (verify != null) {
            return confirm(request, verify);
        }
        return PlatformPages.signup(
                HttpStatus.OK,
                PlatformText.of(request),
                links.root(request),
                Ids.newSecret(),
                null,
                Map.of(),
                csrf.token(request));
    }

    @Post(value = "/signup", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    HttpResponse<String> signup(HttpRequest<?> request, @Body @Nullable String body) {
        Form form = Form.parse(body);
        if (form.get("verify") != null) {
            return verify(request, form.get("verify"));
        }
        Messages m = PlatformText.of(request);
        try {
            // counted before the form is read or the password hashed: a refused script costs one counter write
            gate.admitAddress(ClientAddress.of(request));
            SignupGate.Outcome outcome = gate.request(
                    SignupCommand.of(
                            form.get("storeName"),
                            form.get("slug"),
                            form.get("ownerEmail"),
                            form.get("password"),
                            currency(form),
                            form.get("country"),
                            form.get("language"),
                            form.get("idempotencyKey")),
                    ClientAddress.of(request),
                    links.verificationLinkBase(request));
            if (outcome.mailed() != null) {
                PendingSignup mailed = outcome.mailed();
                long hours = Math.max(1, gate.limits().verificationTtl().toHours());
                return PlatformPages.notice(
                        HttpStatus.OK,
                        m,
                        links.root(request),
                        m.t("sent.title"),
                        List.of(
                                m.t("sent.text", mailed.ownerEmail(), hours, mailed.storeName()),
                                m.t("sent.nothingYet"),
                                m.t("sent.noMail")),
                        false,
                        null,
                        null);
            }
            return outcomePage(request, m, outcome);
        } catch (SignupLimitedException limited) {
            return limitedPage(request, m, limited);
        } catch (InvalidInputException | ConflictException refused) {
            HttpStatus status = refused instanceof ConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
            Map<String, String> typed = Map.of(
                    "storeName",
                    form.getOrEmpty("storeName"),
                    "slug",
                    form.getOrEmpty("slug"),
                    "ownerEmail",
                    form.getOrEmpty("ownerEmail"),
                    "currency",
                    form.getOrEmpty("currency"),
                    "country",
                    form.getOrEmpty("country"),
                    "language",
                    form.getOrEmpty("language"));
            // A refused signup wrote nothing, so the same key may be used again for the corrected form, unless the
            // key itself was what was refused.
            boolean keyRefused =
                    refused instanceof InvalidInputException invalid && "idempotencyKey".equals(invalid.field());
            String key =
                    form.get("idempotencyKey") == null || keyRefused ? Ids.newSecret() : form.get("idempotencyKey");
            return PlatformPages.signup(
                    status, m, links.root(request), key, refusal(m, refused), typed, csrf.token(request));
        }
    }

    /** Why the form was refused: English reads the precise sentence; other languages the words for the field. */
    static String refusal(Messages m, RuntimeException refused) {
        if (m.language() == Language.EN) {
            return refused.getMessage();
        }
        if (refused instanceof StoreSlugTakenException taken) {
            return m.t("taken.text", taken.getMessage().replaceAll(".*'(.*)'.*", "$1"));
        }
        if (refused instanceof ConflictException) {
            return m.t("error.409.text");
        }
        String field = refused instanceof InvalidInputException invalid ? invalid.field() : null;
        String key = "signup.error." + field;
        return field != null && m.has(key) ? m.t(key, SignupCommand.MIN_PASSWORD) : m.t("signup.error.other");
    }

    /**
     * The link in the verification mail (/signup?verify={token}): says what it will open; the button (a POST to
     * /signup with the token) opens it, so a mail scanner that fetches links uses nothing up. On the signup routes
     * the API already has, so verification needs no route of its own.
     */
    private MutableHttpResponse<String> confirm(HttpRequest<?> request, String token) {
        Messages m = PlatformText.of(request);
        try {
            PendingSignup pending = gate.pendingFor(token);
            return PlatformPages.confirm(
                    m,
                    links.root(request),
                    pending.storeName(),
                    links.storePath(request, pending.slug()),
                    links.root(request) + "/signup",
                    token,
                    csrf.token(request));
        } catch (InvalidLinkException invalid) {
            return badLinkPage(request, m);
        }
    }

    /** The confirm page's button: follows the link, once. */
    private MutableHttpResponse<String> verify(HttpRequest<?> request, String token) {
        Messages m = PlatformText.of(request);
        try {
            return outcomePage(request, m, gate.verify(token));
        } catch (InvalidLinkException invalid) {
            return badLinkPage(request, m);
        } catch (SignupLimitedException limited) {
            return limitedPage(request, m, limited);
        } catch (StoreSlugTakenException taken) {
            return PlatformPages.notice(
                    HttpStatus.CONFLICT,
                    m,
                    links.root(request),
                    m.t("taken.title"),
                    List.of(m.t("taken.text", taken.getMessage().replaceAll(".*'(.*)'.*", "$1"))),
                    true,
                    links.root(request) + "/signup",
                    m.t("page.signupAgain"));
        }
    }

    /** A verified signup: waiting for an operator, or a store (its status page; a failed one is shown at once). */
    private MutableHttpResponse<String> outcomePage(HttpRequest<?> request, Messages m, SignupGate.Outcome outcome) {
        if (outcome.awaitingApproval() != null) {
            return PlatformPages.notice(
                    HttpStatus.ACCEPTED,
                    m,
                    links.root(request),
                    m.t("awaiting.title"),
                    List.of(m.t("awaiting.text", outcome.awaitingApproval().storeName())),
                    false,
                    null,
                    null);
        }
        Store store = outcome.store();
        if (store.status() == StoreStatus.FAILED) {
            // Shown here, not behind a redirect: a failed store has already given its address back.
            return Pages.html(
                    HttpStatus.BAD_GATEWAY,
                    PlatformPages.status(m, links.root(request), store, links.storePath(request, store.slug()), null));
        }
        return HttpResponse.<String>seeOther(
                URI.create(links.root(request) + "/stores/" + store.slug().value()));
    }

    /** 410 Gone (a 404 would be replaced by the platform's generic not-found page). */
    private MutableHttpResponse<String> badLinkPage(HttpRequest<?> request, Messages m) {
        return PlatformPages.notice(
                HttpStatus.GONE,
                m,
                links.root(request),
                m.t("badLink.title"),
                List.of(m.t("badLink.text")),
                true,
                links.root(request) + "/signup",
                m.t("page.signupAgain"));
    }

    static long minutes(SignupLimitedException limited) {
        return Math.max(1, (limited.retryAfter().toSeconds() + 59) / 60);
    }

    private MutableHttpResponse<String> limitedPage(
            HttpRequest<?> request, Messages m, SignupLimitedException limited) {
        String key = switch (limited.limit()) {
            case ADDRESS -> "limited.address";
            case EMAIL -> "limited.email";
            case PLATFORM -> "limited.platform";
        };
        return PlatformPages.notice(
                        HttpStatus.TOO_MANY_REQUESTS,
                        m,
                        links.root(request),
                        m.t("limited.title"),
                        List.of(m.t(key, minutes(limited))),
                        true,
                        null,
                        null)
                .header("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
    }

    @Get(value = "/stores/{slug}", produces = MediaType.TEXT_HTML)
    HttpResponse<String> status(HttpRequest<?> request, String slug) {
        Store store = provisioning.status(parse(slug));
        return Pages.html(
                        HttpStatus.OK,
                        PlatformPages.status(
                                // the store's own language unless the visitor chose one
                                PlatformText.queryLang(request.getUri().getRawQuery())
                                                .isPresent()
                                        ? PlatformText.of(request)
                                        : PlatformText.of(Language.orEnglish(store.language())),
                                links.root(request),
                                store,
                                links.storePath(request, store.slug()),
                                links.subdomainUrl(request, store.slug())))
                .header("Cache-Control", "no-store");
    }

    static Slug parse(String slug) {
        Slug parsed = Slug.parseOrNull(slug);
        if (parsed == null) {
            throw new NotFoundException("no store at '" + slug + "'");
        }
        return parsed;
    }

    /** The currency chosen, or (the form's first choice, "") the country's own when the store may sell in it. */
    private static String currency(Form form) {
        String chosen = form.getOrEmpty("currency").strip();
        return chosen.isEmpty()
                ? PlatformPages.currencyOf(form.getOrEmpty("country").strip())
                : chosen;
    }
}
