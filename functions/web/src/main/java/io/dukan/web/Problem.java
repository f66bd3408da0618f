package io.dukan.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/** RFC 9457 problem details for the JSON API. */
public final class Problem {

    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private Problem() {}

    public static MutableHttpResponse<String> of(
            HttpStatus status, String type, String title, String detail, String field) {
        StringBuilder json = new StringBuilder(160)
                .append("{\"type\":\"")
                .append(Json.escape("urn:dukan:problem:" + type))
                .append("\",\"title\":\"")
                .append(Json.escape(title))
                .append("\",\"status\":")
                .append(status.getCode())
                .append(",\"detail\":\"")
                .append(Json.escape(detail))
                .append('"');
        if (field != null) {
            json.append(",\"field\":\"").append(Json.escape(field)).append('"');
        }
        json.append('}');
        return HttpResponse.<String>status(status).contentType(PROBLEM_JSON).body(json.toString());
    }
}
