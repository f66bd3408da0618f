package io.dukan.core.shared;

/** Validation of free text fields shared by the commands. */
public final class Text {

    private Text() {}

    /** Trimmed, non-blank, at most {@code max} characters, no control characters but newlines. */
    public static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v.isEmpty()) {
            throw new InvalidInputException(field, field + " is required");
        }
        return v;
    }

    /** Trimmed (empty when absent), at most {@code max} characters, no control characters but newlines. */
    public static String optional(String field, String value, int max) {
        if (value == null) {
            return "";
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidInputException(field, field + " must be at most " + max + " characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new InvalidInputException(field, field + " contains a control character");
            }
        }
        return v;
    }

    /** A whole number in [min, max], from a form field. */
    public static int integer(String field, String value, int min, int max) {
        String v = required(field, value, 12);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, field + " must be a whole number");
        }
        if (n < min || n > max) {
            throw new InvalidInputException(field, field + " must be between " + min + " and " + max);
        }
        return n;
    }
}
