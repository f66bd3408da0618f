package io.dukan.core.account;

import io.dukan.core.shared.DomainException;

/** The signed-in user's role does not allow this (staff asking for an owner-only page or action). */
public class PermissionDeniedException extends DomainException {

    private final Permission permission;

    public PermissionDeniedException(Permission permission) {
        super("Only the store's owner may " + permission.description() + ".");
        this.permission = permission;
    }

    public Permission permission() {
        return permission;
    }

    @Override
    public String code() {
        return "forbidden";
    }
}
