package io.dukan.aws.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.Locale;

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

    /** Whether the browser came over HTTPS (behind API Gateway or a CDN), so cookies can be Secure. */
    public static boolean secure(HttpRequest<?> request) {
        return "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }
}
