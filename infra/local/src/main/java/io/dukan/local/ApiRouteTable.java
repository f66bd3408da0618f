package io.dukan.local;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The resources of a REST API and the function behind each, matched the way API Gateway matches them: a static
 * path part beats a {param}, which beats a greedy {proxy+} (one or more segments, last part only); method ANY
 * matches every method. The most specific resource is chosen first, then its method: a resource that exists but
 * lacks the method does not fall back to a less specific one.
 */
final class ApiRouteTable<T> {

    /** A resource path (as in template.yaml: /signup, /s/{store}/{proxy+}) with a method and its target. */
    record Route<T>(String path, String method, T target) {}

    /**
     * What matched: the target, the resource path (the event's "resource"), and the decoded path parameters, null
     * when the resource has none (as API Gateway sends them).
     */
    record Match<T>(T target, String resource, Map<String, String> pathParameters) {}

    private record Compiled<T>(Route<T> route, List<String> parts) {}

    private final List<Compiled<T>> routes = new ArrayList<>();

    ApiRouteTable<T> add(String path, String method, T target) {
        routes.add(new Compiled<>(new Route<>(path, method.toUpperCase(Locale.ROOT), target), segments(path)));
        return this;
    }

    List<Route<T>> routes() {
        return routes.stream().map(Compiled::route).toList();
    }

    /** The route serving this method and raw (still percent-encoded) path, if any. */
    Optional<Match<T>> match(String method, String rawPath) {
        List<String> segments = segments(rawPath);
        int[] bestRank = null;
        List<Compiled<T>> best = new ArrayList<>();
        for (Compiled<T> candidate : routes) {
            int[] rank = rank(candidate.parts(), segments);
            if (rank == null) {
                continue;
            }
            int comparison = bestRank == null ? -1 : Arrays.compare(rank, bestRank);
            if (comparison < 0) {
                bestRank = rank;
                best.clear();
                best.add(candidate);
            } else if (comparison == 0
                    && candidate.route().path().equals(best.get(0).route().path())) {
                best.add(candidate);
            }
        }
        String wanted = method.toUpperCase(Locale.ROOT);
        Compiled<T> chosen = best.stream()
                .filter(c -> c.route().method().equals(wanted))
                .findFirst()
                .or(() -> best.stream()
                        .filter(c -> c.route().method().equals("ANY"))
                        .findFirst())
                .orElse(null);
        if (chosen == null) {
            return Optional.empty();
        }
        return Optional.of(
                new Match<>(chosen.route().target(), chosen.route().path(), pathParameters(chosen.parts(), segments)));
    }

    /** Per segment 0 (static), 1 ({param}) or 2 ({proxy+}): smaller is more specific. Null when it can't match. */
    private static int[] rank(List<String> parts, List<String> segments) {
        int[] rank = new int[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (isGreedy(part)) {
                if (i != parts.size() - 1 || segments.size() <= i) {
                    return null;
                }
                rank[i] = 2;
                return rank;
            }
            if (i >= segments.size()) {
                return null;
            }
            if (isParameter(part)) {
                rank[i] = 1;
            } else if (part.equals(segments.get(i))) {
                rank[i] = 0;
            } else {
                return null;
            }
        }
        return parts.size() == segments.size() ? rank : null;
    }

    private static Map<String, String> pathParameters(List<String> parts, List<String> segments) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i);
            if (isGreedy(part)) {
                List<String> rest = segments.subList(i, segments.size()).stream()
                        .map(Percent::decode)
                        .toList();
                parameters.put(part.substring(1, part.length() - 2), String.join("/", rest));
            } else if (isParameter(part)) {
                parameters.put(part.substring(1, part.length() - 1), Percent.decode(segments.get(i)));
            }
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static boolean isParameter(String part) {
        return part.startsWith("{") && part.endsWith("}");
    }

    private static boolean isGreedy(String part) {
        return part.startsWith("{") && part.endsWith("+}");
    }

    /** Path segments without empty ones: "/a//b/" and "/a/b" address the same resource. */
    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }
}
