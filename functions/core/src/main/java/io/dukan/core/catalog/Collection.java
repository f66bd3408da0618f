package io.dukan.core.catalog;

import java.time.Instant;

/** A shelf in the store ("Dried apricots", "Gift boxes"); a product may sit on several. */
public record Collection(CollectionId id, String title, String description, Instant createdAt) {}
