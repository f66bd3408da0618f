package io.dukan.web;

import io.dukan.core.shared.InvalidInputException;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** An application/x-www-form-urlencoded body, parsed here so limits and errors are ours, not a framework's. */
public final class Form {

    public static final int MAX_BODY_CHARS = 64 * 1024;
    private static final int MAX_FIELDS = 100;

    private final Map<String, String> fields;

    private Form(Map<String, String> fields) {
        this.fields = fields;
    }

    public static Form parse(String body) {
        return parse(body, MAX_BODY_CHARS, MAX_FIELDS);
    }

    /** For the few routes that take more (the product editor's variant table, a pasted spreadsheet). */
    public static Form parse(String body, int maxChars, int maxFields) {
        if (body == null || body.isEmpty()) {
            return new Form(Collections.emptyMap());
        }
        if (body.length() > maxChars) {
            throw new ContentLengthExceededException(maxChars, body.length());
        }
        Map<String, String> fields = new HashMap<>();
        String[] pairs = body.split("&");
        if (pairs.length > maxFields) {
            throw new InvalidInputException("body", "the form has too many fields");
        }
        for (String pair : pairs) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("body", "the form is not properly encoded");
            }
        }
        return new Form(fields);
    }

    /** The field's value, or null when absent. */
    public String get(String name) {
        return fields.get(name);
    }

    /** Every field (the first value of each name), for signed callbacks whose signature covers them all. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(fields);
    }

    public String getOrEmpty(String name) {
        return fields.getOrDefault(name, "");
    }

    /** The named fields that were sent, as typed (a form shown again keeps them); a new map the caller may change. */
    public Map<String, String> typed(String... names) {
        Map<String, String> typed = new HashMap<>();
        for (String name : names) {
            String value = fields.get(name);
            if (value != null) {
                typed.put(name, value);
            }
        }
        return typed;
    }
}
