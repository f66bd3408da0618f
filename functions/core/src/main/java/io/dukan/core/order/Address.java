package io.dukan.core.order;

import java.util.ArrayList;
import java.util.List;

/**
 * A delivery address that fits any country: only the first line, the city and the country are needed; region
 * and postcode are "" where a country has none. {@code country} is an ISO 3166-1 alpha-2 code, or "" when unknown.
 */
public record Address(String line1, String line2, String city, String region, String postcode, String country) {

    /** The non-empty parts, one per printed line, as on an envelope. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (String part : new String[] {line1, line2, String.join(" ", nonEmpty(postcode, city)), region, country}) {
            if (part != null && !part.isBlank()) {
                out.add(part);
            }
        }
        return out;
    }

    public String oneLine() {
        return String.join(", ", lines());
    }

    private static List<String> nonEmpty(String... parts) {
        List<String> out = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                out.add(p);
            }
        }
        return out;
    }
}
