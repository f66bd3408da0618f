package io.dukan.web;

/** Escaping for HTML text and attribute values: everything an owner or shopper typed goes through here. */
public final class Html {

    private Html() {}

    public static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escaped, with line breaks kept as &lt;br&gt;. */
    public static String multiline(String text) {
        return esc(text).replace("\r\n", "\n").replace("\n", "<br>");
    }
}
