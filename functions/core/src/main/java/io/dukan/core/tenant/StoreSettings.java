package io.dukan.core.tenant;

/** What the shop function needs to know of its own store, kept in the store's partition. */
public record StoreSettings(TenantId tenantId, Slug slug, String name, String currency, String country, String language) {}
