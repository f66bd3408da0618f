package io.dukan.web;

import io.dukan.core.account.LoginFailedException;
import io.dukan.core.account.LoginThrottledException;
import io.dukan.core.account.PermissionDeniedException;
import io.dukan.core.shared.ConflictException;
import io.dukan.core.shared.DomainException;
import io.dukan.core.shared.InvalidInputException;
import io.dukan.core.shared.NotFoundException;
import io.dukan.core.shared.TryAgainLaterException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error answered once, in one place: JSON clients get application/problem+json (RFC 9457), browsers an HTML
 * page. Bad input is a 4xx with a message a person can act on; an unexpected failure is logged and answered with a
 * plain 500 page, never a stack trace.
 */
@Controller
public class ErrorRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorRoutes.class);

    private final ErrorPageRenderer pages;

    public ErrorRoutes(ErrorPageRenderer pages) {
        this.pages = pages;
    }

    @Error(global = true, exception = DomainException.class)
    public HttpResponse<?> domain(HttpRequest<?> request, DomainException e) {
        HttpStatus status = statusOf(e);
        String field = e instanceof InvalidInputException invalid ? invalid.field() : null;
        if (e instanceof TryAgainLaterException) {
            LOG.warn("asked to try again later on {} {}", request.getMethodName(), request.getPath(), e);
            return respond(request, status, e.code(), e.getMessage(), null).header("Retry-After", "2");
        }
        if (e instanceof PermissionDeniedException) {
            return respond(request, status, e.code(), "Not allowed", e.getMessage(), null);
        }
        return respond(request, status, e.code(), e.getMessage(), field);
    }

    @Error(global = true, status = HttpStatus.NOT_FOUND)
    public HttpResponse<?> notFound(HttpRequest<?> request) {
        return respond(request, HttpStatus.NOT_FOUND, "not-found", "There is nothing at this address.", null);
    }

    @Error(global = true, status = HttpStatus.METHOD_NOT_ALLOWED)
    public HttpResponse<?> methodNotAllowed(HttpRequest<?> request) {
        return respond(
                request,
                HttpStatus.METHOD_NOT_ALLOWED,
                "method-not-allowed",
                request.getMethodName() + " is not allowed here.",
                null);
    }

    @Error(global = true, status = HttpStatus.UNSUPPORTED_MEDIA_TYPE)
    public HttpResponse<?> unsupportedMediaType(HttpRequest<?> request) {
        return respond(
                request,
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "unsupported-media-type",
                "This content type is not accepted here.",
                null);
    }

    @Error(global = true, exception = CodecException.class)
    public HttpResponse<?> unreadableBody(HttpRequest<?> request, CodecException e) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "malformed-body",
                "The request body could not be read: " + "it must be valid JSON of the documented shape.",
                null);
    }

    @Error(global = true, exception = ConversionErrorException.class)
    public HttpResponse<?> unconvertible(HttpRequest<?> request, ConversionErrorException e) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "The value of '" + e.getArgument().getName() + "' has the wrong type.",
                e.getArgument().getName());
    }

    @Error(global = true, exception = UnsatisfiedRouteException.class)
    public HttpResponse<?> missing(HttpRequest<?> request, UnsatisfiedRouteException e) {
        return respond(
                request,
                HttpStatus.BAD_REQUEST,
                "invalid-input",
                "'" + e.getArgument().getName() + "' is required.",
                e.getArgument().getName());
    }

    @Error(global = true, exception = ContentLengthExceededException.class)
    public HttpResponse<?> tooLarge(HttpRequest<?> request, ContentLengthExceededException e) {
        return respond(request, HttpStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", "The request is too large.", null);
    }

    /** Micronaut's own refusals (406 for an Accept it cannot produce, 415, 405, …) keep their status. */
    @Error(global = true, exception = HttpStatusException.class)
    public HttpResponse<?> httpStatus(HttpRequest<?> request, HttpStatusException e) {
        HttpStatus status = e.getStatus();
        if (status.getCode() >= 500) {
            return unexpected(request, e);
        }
        String message = switch (status) {
            case NOT_ACCEPTABLE ->
                "This address cannot answer in the requested format (Accept: "
                        + request.getHeaders().get(HttpHeaders.ACCEPT) + ").";
            case UNSUPPORTED_MEDIA_TYPE -> "This content type is not accepted here.";
            case METHOD_NOT_ALLOWED -> request.getMethodName() + " is not allowed here.";
            case NOT_FOUND -> "There is nothing at this address.";
            default -> status.getReason();
        };
        return respond(
                request,
                status,
                status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                message,
                null);
    }

    @Error(global = true, exception = Exception.class)
    public HttpResponse<?> unexpected(HttpRequest<?> request, Exception e) {
        LOG.error("unexpected failure on {} {}", request.getMethodName(), request.getPath(), e);
        return respond(
                request,
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Something went wrong on our side. Nothing was changed; please try again.",
                null);
    }

    private MutableHttpResponse<?> respond(
            HttpRequest<?> request, HttpStatus status, String type, String message, String field) {
        return respond(request, status, type, title(status), message, field);
    }

    private MutableHttpResponse<?> respond(
            HttpRequest<?> request, HttpStatus status, String type, String title, String message, String field) {
        if (wantsJson(request)) {
            return Problem.of(status, type, pages.problemTitle(request, status), message, field);
        }
        return pages.render(request, status, title, message);
    }

    static HttpStatus statusOf(DomainException e) {
        if (e instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof LoginFailedException) {
            return HttpStatus.UNAUTHORIZED;
        }
        if (e instanceof TryAgainLaterException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        if (e instanceof LoginThrottledException) {
            return HttpStatus.TOO_MANY_REQUESTS;
        }
        if (e instanceof PermissionDeniedException) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof CsrfRejectedException) {
            return HttpStatus.FORBIDDEN;
        }
        return HttpStatus.BAD_REQUEST;
    }

    /** The JSON API lives under /api/; anything else is for browsers unless it asks only for JSON. */
    public static boolean wantsJson(HttpRequest<?> request) {
        if (request.getPath().contains("/api/")) {
            return true;
        }
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("html");
    }

    private static String title(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Not found";
            case BAD_REQUEST -> "Please check what you entered";
            case CONFLICT -> "That did not work";
            case UNAUTHORIZED -> "Please sign in";
            case INTERNAL_SERVER_ERROR -> "Something went wrong";
            case SERVICE_UNAVAILABLE -> "Please try again";
            case FORBIDDEN -> "Please reload the page";
            default -> status.getReason();
        };
    }
}
