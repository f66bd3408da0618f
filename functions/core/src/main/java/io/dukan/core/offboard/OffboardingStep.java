package io.dukan.core.offboard;

/** The offboarding saga's steps, in order; each is idempotent, and none after EXPORT runs before the export is stored. */
public enum OffboardingStep {
    /** The store stops serving: status CLOSING, its route removed (shoppers get the "closed" page, no new orders). */
    CLOSE,
    /** The archive of the store's data and media originals is stored and the owner is sent its link. */
    EXPORT,
    /** The store's function, its role and its log group are deleted. */
    FUNCTION,
    /** Every item of the store's partition keys, in batches, from a stored cursor. */
    DATA,
    /** Every object under the store's media prefix. */
    MEDIA,
    /** After the grace period: the slug is freed and the archive deleted. */
    SLUG
}
