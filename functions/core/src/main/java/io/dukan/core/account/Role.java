package io.dukan.core.account;

import java.util.EnumSet;
import java.util.Set;

/** What a store user may do. The owner may do everything; staff run the shop day to day. */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    /** Products and orders; not the store's settings, its staff or its payouts. */
    STAFF(EnumSet.of(Permission.PRODUCTS, Permission.ORDERS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public boolean may(Permission permission) {
        return permissions.contains(permission);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
