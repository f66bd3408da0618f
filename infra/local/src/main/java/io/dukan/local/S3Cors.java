package io.dukan.local;

import io.dukan.local.template.CorsRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A bucket's CORS configuration evaluated as S3 evaluates it (s3mock has none of its own): the first rule whose
 * AllowedOrigins, AllowedMethods and AllowedHeaders all admit the request applies; origins and headers may hold
 * '*' wildcards, header names compare case-insensitively.
 */
final class S3Cors {

    private final List<CorsRule> rules;
    private final List<String> localOrigins;

    /**
     * @param rules        the bucket's rules as the template declares them
     * @param localOrigins origins every rule also admits locally: the template names the deployed origins (the
     *                     API's execute-api address, https://*.{ShopDomain}), which are http://localhost:{port}
     *                     and http://*.localhost:{port} here
     */
    S3Cors(List<CorsRule> rules, List<String> localOrigins) {
        this.rules = rules == null ? List.of() : List.copyOf(rules);
        this.localOrigins = List.copyOf(localOrigins);
    }

    /**
     * The headers answering a preflight (OPTIONS with Origin and Access-Control-Request-Method), or empty when no
     * rule admits it (S3 then answers 403).
     */
    Optional<Map<String, String>> preflight(String origin, String method, String requestHeaders) {
        List<String> wanted = splitHeaders(requestHeaders);
        for (CorsRule rule : rules) {
            if (admitsOrigin(rule, origin) && admitsMethod(rule, method) && admitsHeaders(rule, wanted)) {
                Map<String, String> headers = new LinkedHashMap<>();
                allowOrigin(rule, origin, headers);
                headers.put("Access-Control-Allow-Methods", String.join(", ", upper(rule.allowedMethods())));
                if (!wanted.isEmpty()) {
                    headers.put("Access-Control-Allow-Headers", String.join(", ", wanted));
                }
                if (rule.exposedHeaders() != null && !rule.exposedHeaders().isEmpty()) {
                    headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposedHeaders()));
                }
                if (rule.maxAgeSeconds() != null) {
                    headers.put("Access-Control-Max-Age", String.valueOf(rule.maxAgeSeconds()));
                }
                headers.put("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
                return Optional.of(headers);
            }
        }
        return Optional.empty();
    }

    /** The CORS headers to add to an actual (non-preflight) response, empty when no rule admits the request. */
    Map<String, String> actual(String origin, String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (origin == null) {
            return headers;
        }
        for (CorsRule rule : rules) {
            if (admitsOrigin(rule, origin) && admitsMethod(rule, method)) {
                allowOrigin(rule, origin, headers);
                headers.put("Access-Control-Allow-Methods", String.join(", ", upper(rule.allowedMethods())));
                if (rule.exposedHeaders() != null && !rule.exposedHeaders().isEmpty()) {
                    headers.put("Access-Control-Expose-Headers", String.join(", ", rule.exposedHeaders()));
                }
                if (rule.maxAgeSeconds() != null) {
                    headers.put("Access-Control-Max-Age", String.valueOf(rule.maxAgeSeconds()));
                }
                headers.put("Vary", "Origin, Access-Control-Request-Headers, Access-Control-Request-Method");
                return headers;
            }
        }
        return headers;
    }

    /** S3 answers "*" for a rule allowing any origin, else echoes the origin and allows credentials. */
    private static void allowOrigin(CorsRule rule, String origin, Map<String, String> headers) {
        if (rule.allowedOrigins() != null && rule.allowedOrigins().contains("*")) {
            headers.put("Access-Control-Allow-Origin", "*");
        } else {
            headers.put("Access-Control-Allow-Origin", origin);
            headers.put("Access-Control-Allow-Credentials", "true");
        }
    }

    private boolean admitsOrigin(CorsRule rule, String origin) {
        if (origin == null) {
            return false;
        }
        List<String> allowed = rule.allowedOrigins() == null ? List.of() : rule.allowedOrigins();
        return allowed.stream().anyMatch(a -> wildcardMatch(String.valueOf(a), origin, false))
                || localOrigins.stream().anyMatch(a -> wildcardMatch(a, origin, false));
    }

    private static boolean admitsMethod(CorsRule rule, String method) {
        return method != null
                && rule.allowedMethods() != null
                && rule.allowedMethods().stream().anyMatch(m -> m.equalsIgnoreCase(method));
    }

    private static boolean admitsHeaders(CorsRule rule, List<String> wanted) {
        List<String> allowed = rule.allowedHeaders() == null ? List.of() : rule.allowedHeaders();
        return wanted.stream().allMatch(header -> allowed.stream().anyMatch(a -> wildcardMatch(a, header, true)));
    }

    /**
     * S3's wildcard match: '*' stands for any run of characters; the rest is literal. (S3 accepts one '*' per
     * origin; more are matched the same way here rather than rejected.)
     */
    static boolean wildcardMatch(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        String[] literals = pattern.split("\\*", -1);
        for (int i = 0; i < literals.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literals[i]));
        }
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }

    private static List<String> splitHeaders(String requestHeaders) {
        List<String> headers = new ArrayList<>();
        if (requestHeaders != null) {
            for (String header : requestHeaders.split(",")) {
                if (!header.isBlank()) {
                    headers.add(header.strip().toLowerCase(Locale.ROOT));
                }
            }
        }
        return headers;
    }

    private static List<String> upper(List<String> methods) {
        return methods.stream().map(m -> m.toUpperCase(Locale.ROOT)).toList();
    }
}
