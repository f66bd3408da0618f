package io.dukan.core.operator;

import java.time.LocalDate;
import java.util.Locale;

/**
 * What the operators' store list is narrowed to: words found in the slug, name or owner's e-mail; a status; a
 * country (ISO 3166 alpha-2); created on or after / before a day (UTC); a shop-code version. Empty: no condition.
 */
public record StoreFilter(
        String text, String status, String country, LocalDate createdFrom, LocalDate createdTo, String shopVersion) {

    public static final StoreFilter NONE = new StoreFilter("", "", "", null, null, "");

    public StoreFilter {
        text = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (text.length() > 100) {
            text = text.substring(0, 100);
        }
        status = status == null ? "" : status.strip().toUpperCase(Locale.ROOT);
        if (!status.isEmpty() && !status.matches("PROVISIONING|ACTIVE|FAILED|SUSPENDED")) {
            status = "";
        }
        country = country == null ? "" : country.strip().toUpperCase(Locale.ROOT);
        if (!country.matches("|[A-Z]{2}")) {
            country = "";
        }
        shopVersion = shopVersion == null ? "" : shopVersion.strip();
        if (!shopVersion.matches("[A-Za-z0-9._-]{0,40}")) {
            shopVersion = "";
        }
    }

    public boolean matches(StoreListing s) {
        return (text.isEmpty()
                        || s.slug().contains(text)
                        || s.name().toLowerCase(Locale.ROOT).contains(text)
                        || s.ownerEmail().contains(text))
                && (status.isEmpty() || status.equals(s.status()))
                && (country.isEmpty() || country.equals(s.country()))
                && (shopVersion.isEmpty() || shopVersion.equals(s.shopVersion()));
    }
}
