package io.dukan.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.Locale;
import java.util.Optional;

/** What a page needs to know of how the browser reached it, to build links and cookies that work there. */
public final class Requests {

    private Requests() {}

    /**
     * The store's base path as the browser sees it: "" at {slug}.shop-domain, "/s/{slug}" on the platform domain,
     * with the API Gateway stage in front ("/prod/s/{slug}") on the default execute-api URL.
     */
    public static String storeBase(HttpRequest<?> request, String slug) {
        String host = host(request);
        if (host.startsWith(slug + ".")) {
            return "";
        }
        return stagePrefix(request) + "/s/" + slug;
    }

    /** The part of the browser's path that API Gateway strips before the function sees it (the stage), or "". */
    public static String stagePrefix(HttpRequest<?> request) {
        if (request instanceof ServletHttpRequest<?, ?> servlet
                && servlet.getNativeRequest() instanceof APIGatewayProxyRequestEvent event
                && event.getRequestContext() != null) {
            String full = event.getRequestContext().getPath();
            String path = event.getPath();
            if (full != null && path != null && full.length() > path.length() && full.endsWith(path)) {
                return full.substring(0, full.length() - path.length());
            }
        }
        return "";
    }

    /** The Host header, lower-cased; "" when absent. */
    public static String host(HttpRequest<?> request) {
        String host = request.getHeaders().get(HttpHeaders.HOST);
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }

    /**
     * A cookie sent by the browser, read from the Cookie header(s) as RFC 6265 pairs. Micronaut 4's
     * DefaultServerCookieDecoder (used on Lambda, without Netty) parses the header as a Set-Cookie line and keeps only
     * the first pair, so {@code request.getCookies()} loses every other cookie (micronaut-core#10435).
     */
    public static Optional<String> cookie(HttpRequest<?> request, String name) {
        for (String header : request.getHeaders().getAll(HttpHeaders.COOKIE)) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(name)) {
                    String value = pair.substring(eq + 1).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return Optional.of(value);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the browser came over HTTPS (behind API Gateway or a CDN), so cookies can be Secure. */
    public static boolean secure(HttpRequest<?> request) {
        return "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
