package io.dukan.core.tenant;

/** The two names of a store that the infrastructure needs: its id (keys, role) and its slug (route). */
public record StoreRef(TenantId id, Slug slug) {}
