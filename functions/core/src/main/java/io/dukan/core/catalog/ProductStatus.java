package io.dukan.core.catalog;

/** Only active products are shown to shoppers; drafts are being prepared, archived ones are kept for history. */
public enum ProductStatus {
    DRAFT,
    ACTIVE,
    ARCHIVED
}
