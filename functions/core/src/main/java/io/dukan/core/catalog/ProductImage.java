package io.dukan.core.catalog;

/** One product image: the uploaded original's key under the store's media prefix, and its alt text. */
public record ProductImage(String key, String alt) {}
