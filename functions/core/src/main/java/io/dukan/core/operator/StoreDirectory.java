package io.dukan.core.operator;

import io.dukan.core.shared.Page;

/**
 * Out-port: the platform's list of stores, newest first, a page at a time. A page reads a bounded number of
 * directory items (one Query, never a Scan); the created range narrows the Query itself, the other conditions
 * filter what it read, so a page may show fewer matches than it read, with a cursor to read on.
 */
public interface StoreDirectory {

    /** Items read per page at most. */
    int READ_LIMIT = 200;

    Page<StoreListing> page(StoreFilter filter, String cursor, int limit);
}
