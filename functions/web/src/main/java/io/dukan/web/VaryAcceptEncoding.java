package io.dukan.web;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Every answer says it varies with Accept-Encoding: API Gateway gzips answers of at least its
 * MinimumCompressionSize (template.yaml) for clients that accept gzip, so a cache must not hand the gzipped copy to
 * one that does not. API Gateway itself does not add the header.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class VaryAcceptEncoding {

    @ResponseFilter
    void vary(MutableHttpResponse<?> response) {
        String vary = response.getHeaders().get(HttpHeaders.VARY);
        if (vary == null) {
            response.getHeaders().set(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        } else if (!vary.toLowerCase(java.util.Locale.ROOT).contains("accept-encoding")) {
            response.getHeaders().set(HttpHeaders.VARY, vary + ", " + HttpHeaders.ACCEPT_ENCODING);
        }
    }
}
