package io.dukan.core.account;

public enum Role {
    OWNER
}
