package io.dukan.core.tenant;

import io.dukan.core.shared.InvalidInputException;
import java.util.Set;
import java.util.regex.Pattern;

/** The store's public name in URLs: /s/{slug}/ and {slug}.shop-domain. */
public record Slug(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]");

    /** Names a shop may not take: platform paths, host names people would mistake for ours. */
    static final Set<String> RESERVED = Set.of(
            "api",
            "admin",
            "www",
            "static",
            "assets",
            "app",
            "apps",
            "s",
            "signup",
            "login",
            "logout",
            "stores",
            "store",
            "shop",
            "shops",
            "platform",
            "dukan",
            "help",
            "support",
            "status",
            "mail",
            "email",
            "blog",
            "docs",
            "dashboard",
            "account",
            "accounts",
            "billing",
            "localhost",
            "aws",
            "cdn",
            "media",
            "images",
            "img",
            "root",
            "system",
            "test",
            "null",
            "undefined");

    public Slug {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new InvalidInputException(
                    "slug",
                    "store address must be 3 to 40 lowercase letters, digits or hyphens, not starting or ending with a hyphen");
        }
        if (value.contains("--")) {
            throw new InvalidInputException("slug", "store address may not contain two hyphens in a row");
        }
        if (RESERVED.contains(value)) {
            throw new InvalidInputException("slug", "store address '" + value + "' is reserved, please choose another");
        }
    }

    /** Parses a slug from a URL or host: null when it could not be a store address (so: not found). */
    public static Slug parseOrNull(String text) {
        try {
            return text == null ? null : new Slug(text);
        } catch (InvalidInputException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
