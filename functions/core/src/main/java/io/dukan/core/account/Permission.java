package io.dukan.core.account;

/** The areas of a store's admin; each {@link Role} holds some of them. */
public enum Permission {
    PRODUCTS("manage products"),
    ORDERS("manage orders"),
    SETTINGS("change the store's settings"),
    STAFF("manage staff"),
    PAYOUTS("manage payouts");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    /** What the permission allows, as words for a page ("manage staff"). */
    public String description() {
        return description;
    }
}
