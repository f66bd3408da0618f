package io.dukan.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import io.dukan.aws.testing.ScriptedAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Just enough of IAM's policy evaluation to check the store policy: Allow/Deny statements, Action and Resource
 * patterns with * and ?, and the condition operators ForAllValues:StringLike, StringEquals, StringLike and Null. Anything else in a policy
 * makes it throw, so a policy that outgrows this evaluator cannot pass its tests by accident.
 */
final class PolicyEvaluator {

    enum Decision {
        ALLOW,
        IMPLICIT_DENY,
        EXPLICIT_DENY
    }

    private final JsonNode policy;

    PolicyEvaluator(String policyJson) {
        try {
            this.policy = ScriptedAws.JSON.readTree(policyJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An explicit Deny wins; otherwise any matching Allow allows; otherwise denied. */
    Decision evaluate(String action, String resource, Map<String, List<String>> context) {
        boolean allowed = false;
        for (JsonNode statement : policy.path("Statement")) {
            for (String unsupported : List.of("NotAction", "NotResource", "NotPrincipal")) {
                if (statement.has(unsupported)) {
                    throw new UnsupportedOperationException(unsupported + " is not evaluated here");
                }
            }
            if (!anyMatches(strings(statement.path("Action")), action, true)
                    || !anyMatches(strings(statement.path("Resource")), resource, false)
                    || !conditionsHold(statement.path("Condition"), context)) {
                continue;
            }
            if (statement.path("Effect").asText().equals("Deny")) {
                return Decision.EXPLICIT_DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    boolean allows(String action, String resource, Map<String, List<String>> context) {
        return evaluate(action, resource, context) == Decision.ALLOW;
    }

    boolean allows(String action, String resource) {
        return allows(action, resource, Map.of());
    }

    private static boolean conditionsHold(JsonNode condition, Map<String, List<String>> context) {
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            Iterator<Map.Entry<String, JsonNode>> keys = operator.getValue().fields();
            while (keys.hasNext()) {
                Map.Entry<String, JsonNode> key = keys.next();
                List<String> requestValues = context.getOrDefault(key.getKey(), List.of());
                List<String> policyValues = strings(key.getValue());
                boolean holds = switch (operator.getKey()) {
                    // True when every value in the request matches a pattern, and (IAM's trap) when there is none.
                    case "ForAllValues:StringLike" ->
                        requestValues.stream().allMatch(value -> anyMatches(policyValues, value, false));
                    case "Null" -> requestValues.isEmpty() == Boolean.parseBoolean(policyValues.get(0));
                    // A single-valued key: present and equal to one of the values (absent never matches).
                    case "StringEquals" -> requestValues.size() == 1 && policyValues.contains(requestValues.get(0));
                    // The same, with the patterns of StringLike (s3:prefix)
                    case "StringLike" ->
                        requestValues.size() == 1 && anyMatches(policyValues, requestValues.get(0), false);
                    default -> throw new UnsupportedOperationException(operator.getKey() + " is not evaluated here");
                };
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean anyMatches(List<String> patterns, String value, boolean ignoreCase) {
        return patterns.stream().anyMatch(pattern -> like(pattern, value, ignoreCase));
    }

    /** IAM's wildcard match: * is any run of characters (slashes and colons too), ? exactly one character. */
    static boolean like(String pattern, String value, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        int flags = Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        return Pattern.compile(regex.toString(), flags).matcher(value).matches();
    }

    static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> values.add(item.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    JsonNode document() {
        return policy;
    }
}
