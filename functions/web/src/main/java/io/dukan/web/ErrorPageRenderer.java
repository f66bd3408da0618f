package io.dukan.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;

/** How a function dresses an error page for people (the shop in its store's look, the platform in its own). */
public interface ErrorPageRenderer {

    MutableHttpResponse<String> render(HttpRequest<?> request, HttpStatus status, String title, String message);

    /** The problem+json {@code title} a JSON caller reads, in the function's language (default: the reason phrase). */
    default String problemTitle(HttpRequest<?> request, HttpStatus status) {
        return status.getReason();
    }
}
