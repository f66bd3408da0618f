package io.dukan.core.account;

import java.time.Instant;

/** A staff member as the staff page lists them (the account itself is a {@link StoreUser}). */
public record TeamMember(String email, String name, Role role, Instant joinedAt) {}
