package io.dukan.local.template;

import io.dukan.web.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Typed reads of template values with errors that say where. A value the specs need must be written out in the
 * template: one computed by an intrinsic function is only known once deployed, so it is refused, never guessed.
 */
final class Values {

    private Values() {}

    /** A dotted place in the template, for messages: "template.yaml: Resources.DukanTable.Properties.KeySchema". */
    record Where(String path) {
        String at(String child) {
            return path + "." + child;
        }
    }

    /** A mapping; absent reads as empty. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        refuseIntrinsic(value, where);
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException(where + ": a mapping, not " + describe(value));
    }

    /** A sequence; absent reads as empty. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        refuseIntrinsic(value, where);
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException(where + ": a list, not " + describe(value));
    }

    /** A literal scalar as text (numbers and booleans too). */
    static String text(Object value, String where) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": missing");
        }
        refuseIntrinsic(value, where);
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new IllegalArgumentException(where + ": a single value, not " + describe(value));
        }
        return String.valueOf(value);
    }

    /**
     * A list of literals; an item computed by an intrinsic function is kept as its JSON text (see
     * {@link CorsRule}). Absent reads as empty.
     */
    static List<String> texts(Object value, String where) {
        List<String> texts = new ArrayList<>();
        List<Object> items = list(value, where);
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            texts.add(isIntrinsic(item) ? json(item) : text(item, where + "[" + i + "]"));
        }
        return texts;
    }

    static int integer(Object value, String where) {
        String text = text(value, where);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": a whole number, not " + text, e);
        }
    }

    /** CloudFormation accepts true and "true" alike. */
    static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || (value instanceof String text && text.equalsIgnoreCase("true"));
    }

    /** {Ref: …}, {Condition: …} or {Fn::…: …}: exactly one key, an intrinsic function's name. */
    static boolean isIntrinsic(Object value) {
        if (!(value instanceof Map<?, ?> map) || map.size() != 1) {
            return false;
        }
        String key = String.valueOf(map.keySet().iterator().next());
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    private static void refuseIntrinsic(Object value, String where) {
        if (isIntrinsic(value)) {
            throw new IllegalArgumentException(where + ": must be written out in the template, not computed by "
                    + json(value) + " (only known once deployed)");
        }
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    /** Compact JSON of a template value (maps, lists, scalars). */
    static String json(Object value) {
        return Json.write(value);
    }
}
