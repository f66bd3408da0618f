package io.dukan.aws.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Security headers on every response of both functions. The Content-Security-Policy allows no inline script (the
 * one script is served from the store's own path) and, besides the page's own origin, only the S3 origin that
 * presigned media URLs point at (images, and the admin's direct upload).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {

    private final String policy;

    public SecurityHeaders(S3Presigner presigner, io.dukan.aws.DukanProperties properties) {
        String media = mediaOrigin(presigner, properties.getBucket());
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: " + media
                + "; connect-src 'self' " + media + "; form-action 'self' https://checkout.stripe.com; frame-ancestors 'none'; base-uri 'none'";
    }

    /** The scheme, host and port browsers fetch media from, as the presigner builds its URLs. */
    static String mediaOrigin(S3Presigner presigner, String bucket) {
        URI sample = URI.create(presigner.presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(1))
                .getObjectRequest(o -> o.bucket(bucket == null || bucket.isBlank() ? "bucket" : bucket).key("probe")))
                .url().toString());
        return sample.getScheme() + "://" + sample.getHost() + (sample.getPort() > 0 ? ":" + sample.getPort() : "");
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        response.header("Content-Security-Policy", policy);
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        // Order-status URLs carry the order's secret code: never send them to another origin.
        response.header("Referrer-Policy", "same-origin");
        String path = request.getPath();
        if ((path.contains("/admin") || path.contains("/orders/") || path.contains("/signup"))
                && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
