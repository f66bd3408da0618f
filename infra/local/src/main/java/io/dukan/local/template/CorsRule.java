package io.dukan.local.template;

import java.util.List;

/**
 * One CORS rule of a bucket, as S3 evaluates it. Lists are never null (absent means empty).
 *
 * <p>An entry the template computes with an intrinsic function ({@code !Sub https://${PlatformApi}…}, an
 * {@code !If}) cannot be known before deployment; it is kept as its CloudFormation JSON text, so it is visible but
 * matches no real origin.
 *
 * @param maxAgeSeconds null when the rule sets no MaxAge
 */
public record CorsRule(
        List<String> allowedOrigins,
        List<String> allowedMethods,
        List<String> allowedHeaders,
        List<String> exposedHeaders,
        Integer maxAgeSeconds) {

    public CorsRule {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        allowedMethods = allowedMethods == null ? List.of() : List.copyOf(allowedMethods);
        allowedHeaders = allowedHeaders == null ? List.of() : List.copyOf(allowedHeaders);
        exposedHeaders = exposedHeaders == null ? List.of() : List.copyOf(exposedHeaders);
    }
}
