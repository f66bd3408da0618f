package io.dukan.aws.web;

import io.dukan.aws.DukanProperties;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.net.URI;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Security headers on every response of both functions. The Content-Security-Policy allows no inline script (the
 * one script is served from the store's own path) and, besides the page's own origin, only the media origins:
 * shoppers' pages the public media address renditions come from ({@code dukan.media-url}, the CDN); admin pages
 * also the S3 origin that presigned URLs point at (the direct upload, and originals). Without a media address
 * every page allows the S3 origin, which is then where renditions come from too. The S3 origin is read off a URL the
 * presigner builds, on the first page that needs it: a shopper's page never starts the presigner.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SecurityHeaders {

    private final BeanProvider<S3Presigner> presigner;
    private final String bucket;
    /** The public media origin, or null without a media address. */
    private final String mediaOrigin;

    /** The wallet providers' page origins a checkout form may post to (JazzCash, Easypaisa, Alipay). */
    private final String walletOrigins;

    private volatile String shopperPolicy;
    private volatile String adminPolicy;

    public SecurityHeaders(
            BeanProvider<S3Presigner> presigner,
            DukanProperties properties,
            @io.micronaut.context.annotation.Value("${dukan.jazzcash.base-url:`https://payments.jazzcash.com.pk`}")
                    String jazzCash,
            @io.micronaut.context.annotation.Value("${dukan.easypaisa.base-url:`https://easypay.easypaisa.com.pk`}")
                    String easypaisa,
            @io.micronaut.context.annotation.Value("${dukan.alipay.gateway:`https://openapi.alipay.com/gateway.do`}")
                    String alipay) {
        this.presigner = presigner;
        this.walletOrigins =
                origin(URI.create(jazzCash)) + " " + origin(URI.create(easypaisa)) + " " + origin(URI.create(alipay));
        this.bucket = properties.getBucket();
        String media = properties.mediaBaseUrl();
        this.mediaOrigin = media == null ? null : origin(URI.create(media));
    }

    /** The scheme, host and port browsers fetch presigned media from, as the presigner builds its URLs. */
    static String s3Origin(S3Presigner presigner, String bucket) {
        return origin(URI.create(presigner
                .presignGetObject(p -> p.signatureDuration(java.time.Duration.ofMinutes(1))
                        .getObjectRequest(o -> o.bucket(bucket == null || bucket.isBlank() ? "bucket" : bucket)
                                .key("probe")))
                .url()
                .toString()));
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    private String csp(String media) {
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: " + media
                + "; connect-src 'self' " + media
                + "; form-action 'self' https://checkout.stripe.com " + walletOrigins
                + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /** The policy for this path: computed once each (a race computes the same string twice, harmlessly). */
    String policy(String path) {
        boolean admin = path.contains("/admin") || mediaOrigin == null;
        if (admin) {
            String p = adminPolicy;
            if (p == null) {
                String s3 = s3Origin(presigner.get(), bucket);
                p = csp(mediaOrigin == null || mediaOrigin.equals(s3) ? s3 : mediaOrigin + " " + s3);
                adminPolicy = p;
            }
            return p;
        }
        String p = shopperPolicy;
        if (p == null) {
            p = csp(mediaOrigin);
            shopperPolicy = p;
        }
        return p;
    }

    @ResponseFilter
    void addHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        String path = request.getPath();
        response.header("Content-Security-Policy", policy(path));
        response.header("X-Content-Type-Options", "nosniff");
        response.header("X-Frame-Options", "DENY");
        // Order-status URLs carry the order's secret code: never send them to another origin.
        response.header("Referrer-Policy", "same-origin");
        if ((path.contains("/admin") || path.contains("/orders/") || path.contains("/signup"))
                && !response.getHeaders().contains("Cache-Control")) {
            response.header("Cache-Control", "no-store");
        }
    }
}
