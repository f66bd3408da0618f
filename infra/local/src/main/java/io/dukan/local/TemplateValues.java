package io.dukan.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves CloudFormation values (plain strings or intrinsic functions, as SamTemplate's raw model holds them) the
 * way the stack would, but to the local cloud's names: a table's Ref is its local table name, its Arn a local ARN;
 * what the local cloud does not emulate (roles, the REST API, layers) becomes a placeholder string.
 */
final class TemplateValues {

    private static final Logger LOG = LoggerFactory.getLogger(TemplateValues.class);
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Set<String> tables;
    private final Set<String> buckets;
    private final Map<String, Object> parameterDefaults;

    TemplateValues(Set<String> tables, Set<String> buckets, Map<String, Object> parameterDefaults) {
        this.tables = Set.copyOf(tables);
        this.buckets = Set.copyOf(buckets);
        this.parameterDefaults = Map.copyOf(parameterDefaults);
    }

    /** The defaults of the template's Parameters section (a parameter without one resolves to a placeholder). */
    static Map<String, Object> parameterDefaults(Map<String, Object> rawTemplate) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        if (rawTemplate.get("Parameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((name, declaration) -> {
                if (declaration instanceof Map<?, ?> d && d.get("Default") != null) {
                    defaults.put(String.valueOf(name), d.get("Default"));
                }
            });
        }
        return defaults;
    }

    /** Resolves every value of a function's Environment.Variables. */
    Map<String, Object> resolveAll(Map<String, Object> variables) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        variables.forEach((name, value) -> resolved.put(name, resolve(value)));
        return resolved;
    }

    String resolve(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> intrinsic = map.entrySet().iterator().next();
            String function = String.valueOf(intrinsic.getKey());
            Object argument = intrinsic.getValue();
            switch (function) {
                case "Ref":
                    return ref(String.valueOf(argument));
                case "Fn::GetAtt":
                    return getAtt(argument);
                case "Fn::Sub":
                    return sub(argument);
                case "Fn::Join":
                    return join(argument);
                case "Fn::Select":
                    return select(argument);
                default:
                    LOG.warn("{} is not resolved by the local cloud; using a placeholder", function);
                    return "local-unresolved";
            }
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            LOG.warn("a list or map value is not resolved by the local cloud: {}", value);
            return String.valueOf(value);
        }
        return String.valueOf(value);
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return LocalNames.REGION;
            case "AWS::AccountId":
                return LocalNames.ACCOUNT_ID;
            case "AWS::StackName":
                return LocalNames.STACK_NAME;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::NoValue":
                return "";
            default:
                break;
        }
        if (tables.contains(name) || buckets.contains(name)) {
            return LocalNames.resourceName(name);
        }
        if (parameterDefaults.containsKey(name)) {
            return resolve(parameterDefaults.get(name));
        }
        return LocalNames.placeholder(name);
    }

    private String getAtt(Object argument) {
        String resource;
        String attribute;
        if (argument instanceof List<?> parts && parts.size() == 2) {
            resource = String.valueOf(parts.get(0));
            attribute = String.valueOf(parts.get(1));
        } else {
            String text = String.valueOf(argument);
            int dot = text.indexOf('.');
            resource = dot < 0 ? text : text.substring(0, dot);
            attribute = dot < 0 ? "" : text.substring(dot + 1);
        }
        return getAtt(resource, attribute);
    }

    private String getAtt(String resource, String attribute) {
        if (tables.contains(resource) && attribute.equals("Arn")) {
            return LocalNames.tableArn(resource);
        }
        if (buckets.contains(resource) && attribute.equals("Arn")) {
            return LocalNames.bucketArn(resource);
        }
        if (buckets.contains(resource) && attribute.equals("DomainName")) {
            return LocalNames.resourceName(resource) + ".s3.amazonaws.com";
        }
        return LocalNames.placeholder(resource) + "-" + attribute;
    }

    private String sub(Object argument) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> parts && parts.size() == 2 && parts.get(1) instanceof Map<?, ?> vars) {
            text = String.valueOf(parts.get(0));
            variables = vars;
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}"; // ${!Literal} is written out as ${Literal}
            } else if (variables.containsKey(name)) {
                replacement = resolve(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = getAtt(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = ref(name);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String join(Object argument) {
        if (argument instanceof List<?> parts && parts.size() == 2 && parts.get(1) instanceof List<?> values) {
            List<String> resolved = new ArrayList<>();
            values.forEach(v -> resolved.add(resolve(v)));
            return String.join(String.valueOf(parts.get(0)), resolved);
        }
        return String.valueOf(argument);
    }

    private String select(Object argument) {
        if (argument instanceof List<?> parts && parts.size() == 2 && parts.get(1) instanceof List<?> values) {
            int index = Integer.parseInt(resolve(parts.get(0)));
            return resolve(values.get(index));
        }
        return String.valueOf(argument);
    }
}
